import type { Duty } from '../../../api/src/contracts/rotas';
import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { insertCheckin } from '../../../api/src/modules/checkins/checkins.repository';
import type { Services } from '../../../api/src/modules/services';
import { buildWorld, drainJobs, lawyerAccount, publishRota, type World } from '../../support/rota-world';
import { createAccount, type Client } from '../../support/zhiban';

export interface RecordsWorld {
  world: World;
  admin: Client;
  coord: Client;
  hotline: Client;
  lawyers: Map<string, Client>;
}

/** Two posts and six lawyers with a rota for the week of Monday 2026-06-01, published on 2026-05-20. */
export async function buildRecordsWorld(app: { as(u: string): Promise<Client> }, services: () => Services): Promise<RecordsWorld> {
  await createAccount('admin', 'admin');
  await createAccount('coord', 'coordinator');
  await createAccount('hotline', 'hotline');
  const admin = await app.as('admin');
  const coord = await app.as('coord');
  const hotline = await app.as('hotline');
  const world = await buildWorld(admin, 2, 6);
  const lawyers = new Map<string, Client>();
  for (const [i, l] of world.lawyers.entries()) {
    await lawyerAccount(`l${i}`, l.id);
    lawyers.set(l.id, await app.as(`l${i}`));
  }
  await publishRota(coord, services(), world.posts.map((p) => p.id), '2026-06-01', '2026-06-05');
  await drainJobs(services());
  return { world, admin, coord, hotline, lawyers };
}

/** A check-in stored as the check-in service stores it (the check-in flow itself is tested in checkins/). */
export async function checkedIn(duty: Duty, minutesAfterStart = 0): Promise<void> {
  await insertCheckin({
    dutyKey: dutyKeyOf(duty),
    kind: 'in',
    lawyerId: duty.lawyerId,
    userId: 'test',
    idempotencyKey: `arrange-${dutyKeyOf(duty)}`,
    postId: duty.postId,
    rotaId: duty.rotaId,
    slotId: duty.slotId,
    day: duty.day,
    at: new Date(new Date(duty.start).getTime() + minutesAfterStart * 60_000),
    location: null,
    distanceM: null,
    countersigned: false,
    codeWindow: 0,
  });
}

let n = 0;
export const clientKey = () => `draft-${Date.now().toString(36)}-${++n}`;

export const sample = {
  consultation: (caseNumber?: string) => ({
    personName: '王某',
    relation: 'relative',
    caseType: '盗窃',
    question: '家属询问取保候审的条件',
    advice: '告知取保候审的法定条件及申请方式',
    channel: 'on_site',
    ...(caseNumber ? { caseNumber } : {}),
  }),
  rights_notice: () => ({ personName: '李某', note: '告知诉讼权利及认罪认罚从宽制度' }),
  aid_application: (receivedAt: string) => ({ applicantName: '赵某', receivedAt, forwardTo: '玄武区法律援助中心', caseNumber: '玄检刑诉〔2026〕1号' }),
  plea_witness: (caseNumber: string, objected = false) => ({
    caseNumber,
    personName: '孙某',
    charge: '危险驾驶罪',
    sentencingProposal: '拘役一个月，缓刑二个月，并处罚金二千元',
    objected,
    opinion: '同意量刑建议，程序合法',
  }),
  meeting: () => ({ personName: '周某', channel: 'video', note: '视频会见，了解案情' }),
  file_reading: (caseNumber: string, fastTrackCaseId?: string) => ({ caseNumber, note: '查阅起诉意见书及证据材料', ...(fastTrackCaseId ? { fastTrackCaseId } : {}) }),
  legal_opinion: (caseNumber: string, fastTrackCaseId?: string) => ({ caseNumber, summary: '建议适用缓刑', ...(fastTrackCaseId ? { fastTrackCaseId } : {}) }),
};
