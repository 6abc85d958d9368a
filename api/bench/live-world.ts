import type { CreateLawyerBody } from '../src/contracts/lawyers';
import type { Post } from '../src/contracts/posts';
import type { Actor } from '../src/lib/actor';
import { systemClock } from '../src/lib/clock';
import { hashPassword } from '../src/lib/passwords';
import { localDay } from '../src/lib/local-day';
import { RotaModel, type SlotFields } from '../src/modules/rotas/rotas.model';
import { writeDuties } from '../src/modules/rotas/rotas.repository';
import { createServices, defaultSessionPolicy } from '../src/modules/services';
import { insertUser, savePasswordHash } from '../src/modules/users/users.repository';

export const WORLD_PASSWORD = 'live-board-bench-42';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(seq: number): string {
  const body = `32010219850512${String(seq % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11];
}

function lawyerBody(n: number): CreateLawyerBody {
  return {
    name: `值班律师${n}`,
    gender: n % 2 ? 'female' : 'male',
    licenceNumber: `1320120${String(n).padStart(10, '0')}`,
    firm: `南京第${(n % 20) + 1}律师事务所`,
    licensedSince: '2015-03-01',
    criminalCases: 20,
    phone: `139${String(n).padStart(8, '0')}`,
    idNumber: idNumber(n),
    districts: ['玄武区'],
    postKinds: ['detention_centre', 'court', 'procuratorate'],
    assessments: [{ year: 2025, grade: '称职' }],
    attestation: { attested: true, attestedBy: '玄武区司法局', attestedOn: '2025-12-01' },
  };
}

export interface LiveWorld {
  posts: Post[];
  /** Lawyer accounts (password WORLD_PASSWORD), each on duty at `posts[postIndex]` now. */
  lawyers: { id: string; username: string; postIndex: number }[];
  staffUsername: string;
}

/**
 * Seeds, straight through services and repositories (fast, no HTTP): `postCount` posts, `lawyerCount`
 * lawyers with accounts, a staff account, and a published rota whose shift at every post started a
 * few minutes ago, so every lawyer can check in now. Needs an open mongoose connection.
 */
export async function seedLiveWorld(postCount: number, lawyerCount: number, now = new Date()): Promise<LiveWorld> {
  const services = createServices({ clock: systemClock, session: defaultSessionPolicy });
  const actor: Actor = { userId: '000000000000000000000000', username: 'seed', role: 'admin', lawyerId: null, requestId: null };
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const kind = (['detention_centre', 'court', 'procuratorate'] as const)[i % 3]!;
    posts.push(await services.posts.create(actor, { kind, name: `实时测试站${i + 1}`, code: `LIVE-${i + 1}`, district: i % 2 ? '玄武区' : '秦淮区', address: `测试路${i + 1}号`, geofenceRadiusM: 200, timeZone: 'Asia/Shanghai', openingHours: [], lawyersPerShift: 1, channel: 'on_site', opensOnHolidays: true, opensOnMakeUpDays: true }));
  }
  const hash = await hashPassword(WORLD_PASSWORD);
  const lawyers: LiveWorld['lawyers'] = [];
  for (let n = 0; n < lawyerCount; n++) {
    const dossier = await services.lawyers.create(actor, lawyerBody(n + 1));
    const username = `live${n + 1}`;
    const user = await insertUser({ username, displayName: username, role: 'lawyer', lawyerId: dossier.lawyer.id, active: true, mustChangePassword: false });
    await savePasswordHash(user.id, hash, now);
    lawyers.push({ id: dossier.lawyer.id, username, postIndex: n % postCount });
  }
  const staff = await insertUser({ username: 'livestaff', displayName: 'livestaff', role: 'coordinator', lawyerId: null, active: true, mustChangePassword: false });
  await savePasswordHash(staff.id, hash, now);

  const day = localDay('Asia/Shanghai', now);
  const start = new Date(now.getTime() - 5 * 60_000);
  const end = new Date(now.getTime() + 3 * 3_600_000);
  const hhmm = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const slots: SlotFields[] = posts.map((p, i) => {
    const ids = lawyers.filter((l) => l.postIndex === i).map((l) => l.id);
    return { id: `${p.id}:${day}:live`, postId: p.id, day, localStart: hhmm(start), localEnd: hhmm(end), start, end, lawyersNeeded: ids.length, holiday: false, makeUpDay: false, weekendOrHoliday: false, early: false, late: false, lawyerIds: ids, pinnedLawyerIds: [] };
  });
  const rota = await RotaModel.create({ name: 'live', from: day, to: day, postIds: posts.map((p) => p.id), status: 'published', revision: 1, seed: 1, slots, publishedVersion: 1, createdBy: 'seed' });
  await writeDuties(String(rota._id), 1, slots);
  return { posts, lawyers, staffUsername: 'livestaff' };
}
