import type { Client } from './zhiban';
import { createAccount, eligibleLawyer } from './zhiban';

export interface World {
  posts: { id: string; code: string }[];
  lawyers: { id: string; name: string }[];
}

const WEEKDAYS_AM_PM = [
  { days: [1, 2, 3, 4, 5], start: '09:00', end: '11:30' },
  { days: [1, 2, 3, 4, 5], start: '14:30', end: '17:30' },
];

/**
 * A small district through the API: `postCount` posts in 玄武区 open weekday mornings and
 * afternoons, and `lawyerCount` vetted, active lawyers qualified for them.
 */
export async function buildWorld(admin: Client, postCount: number, lawyerCount: number, firstLawyer = 1): Promise<World> {
  const posts = [];
  for (let i = 0; i < postCount; i++) {
    const kind = i % 2 === 0 ? 'detention_centre' : 'court';
    const res = await admin.post('/posts', { kind, name: `玄武测试站${i + 1}`, code: `XW-T${i + 1}`, district: '玄武区', address: `玄武区测试路${i + 1}号`, openingHours: WEEKDAYS_AM_PM });
    if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
    posts.push({ id: res.body.id as string, code: res.body.code as string });
  }
  const lawyers = [];
  for (let n = firstLawyer; n < firstLawyer + lawyerCount; n++) {
    const res = await admin.post('/lawyers', eligibleLawyer(n, { firm: `测试律师事务所${n % 4}`, postKinds: ['detention_centre', 'court'] }));
    if (res.status !== 201) throw new Error(`lawyer: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.lawyer.id as string;
    const vet = await admin.post(`/lawyers/${id}/vetting`, { decision: 'approve', note: '符合条件' });
    if (vet.status !== 200) throw new Error(`vetting: ${vet.status} ${JSON.stringify(vet.body)}`);
    lawyers.push({ id, name: res.body.lawyer.name as string });
  }
  return { posts, lawyers };
}

export async function lawyerAccount(username: string, lawyerId: string) {
  return createAccount(username, 'lawyer', { lawyerId });
}

/** Runs every due background job of the app (tests drive the job loop by hand). */
export async function drainJobs(services: { jobs: { runOnce(): Promise<boolean> } }): Promise<void> {
  while (await services.jobs.runOnce()) {
    /* keep going */
  }
}

/**
 * Plans and publishes a rota through the API; returns its id. Periods in a year without the
 * official holiday schedule are confirmed (that refusal is tested in tests/api/calendar).
 */
export async function publishRota(coord: Client, services: { jobs: { runOnce(): Promise<boolean> } }, postIds: string[], from: string, to: string): Promise<string> {
  const draft = await coord.post('/rotas/drafts', { from, to, postIds, confirmMissingCalendar: true });
  if (draft.status !== 202) throw new Error(`draft: ${draft.status} ${JSON.stringify(draft.body)}`);
  await drainJobs(services);
  const rota = await coord.get(`/rotas/${draft.body.rotaId}`);
  const pub = await coord.post(`/rotas/${draft.body.rotaId}/publish`, { revision: rota.body.revision, confirmMissingCalendar: true });
  if (pub.status !== 202) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
  return draft.body.rotaId as string;
}
