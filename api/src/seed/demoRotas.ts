import type { Actor } from '../lib/actor';
import type { Clock } from '../lib/clock';
import { localDay } from '../lib/local-day';
import { findOverlappingRotas } from '../modules/rotas/rotas.repository';
import type { Services } from '../modules/services';
import { addDays } from '../../../scheduler/src/index';

const SEED_ACTOR: Actor = { userId: 'seed', username: 'coordinator', role: 'coordinator', lawyerId: null, requestId: null };

function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const next = addDays(from, 32).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1) };
}

/**
 * Plans and publishes a rota for every active post for the current and the next month,
 * through the same services staff use. Months that already have a rota are left alone.
 */
export async function seedDemoRotas(services: Services, clock: Clock): Promise<{ month: string; rotaId: string; duties: number }[]> {
  const today = localDay('Asia/Shanghai', clock.now());
  const thisMonth = today.slice(0, 7);
  const months = [thisMonth, addDays(`${thisMonth}-01`, 32).slice(0, 7)];
  const postIds = (await services.posts.list({ active: 'true' })).map((p) => p.id);
  const out = [];
  for (const month of months) {
    const { from, to } = monthBounds(month);
    if ((await findOverlappingRotas(postIds, from, to)).length > 0) continue;
    const started = await services.rotas.createDraft(SEED_ACTOR, { name: `${month} 值班表`, from, to, postIds, confirmMissingCalendar: true });
    const planned = await services.jobs.runNow(started.jobId);
    if (planned?.status !== 'done') throw new Error(`planning the ${month} demo rota failed: ${planned?.error ?? planned?.status}`);
    const rota = await services.rotas.get(started.rotaId);
    await services.rotas.publish(SEED_ACTOR, rota.id, { revision: rota.revision, note: '演示数据：自动生成并发布', confirmMissingCalendar: true });
    out.push({ month, rotaId: rota.id, duties: rota.slots.reduce((n, s) => n + s.lawyerIds.length, 0) });
  }
  return out;
}
