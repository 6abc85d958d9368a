/**
 * The missing-record path end to end with the real discipline area: passes once discipline is
 * composed in services.ts.
 */
import type { Duty } from '../../../api/src/contracts/rotas';
import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { useTestDatabase } from '../../support/db';
import { manualClock, useApp } from '../../support/zhiban';
import { buildRecordsWorld, checkedIn, clientKey, sample, type RecordsWorld } from './records-world';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session }));
const services = () => app.services();
let w: RecordsWorld;

async function dutyAt(day: string, post: number, localStart: string): Promise<Duty> {
  const duty = (await services().rotas.duties({ from: day, to: day, postId: w.world.posts[post]!.id })).find((d) => d.localStart === localStart);
  if (!duty) throw new Error('no duty');
  return duty;
}

beforeAll(async () => {
  w = await buildRecordsWorld(app, services);
});

describe('a missing record becomes a proposed violation', () => {
  it('when a checked-in duty still has no record after the grace period, then one missing_record violation is proposed for its lawyer; a duty with a record gets none', async () => {
    const silent = await dutyAt('2026-06-02', 0, '09:00');
    const diligent = await dutyAt('2026-06-02', 1, '09:00');
    await checkedIn(silent);
    await checkedIn(diligent);
    clock.set('2026-06-02T02:00:00Z');
    await w.lawyers.get(diligent.lawyerId)!.post('/records', { kind: 'consultation', dutyKey: dutyKeyOf(diligent), clientKey: clientKey(), data: sample.consultation() });
    clock.set('2026-06-06T00:00:00Z');
    await services().recordsArea.watch.tick();
    await services().recordsArea.watch.tick();

    const res = await w.coord.get(`/violations?lawyerId=${silent.lawyerId}`);
    expect(res.status).toBe(200);
    const missing = res.body.items.filter((v: { type: string }) => v.type === 'missing_record');
    expect(missing).toEqual([expect.objectContaining({ type: 'missing_record', lawyerId: silent.lawyerId, sourceKey: `records:missing:${dutyKeyOf(silent)}` })]);
    expect(missing[0].state).toBeDefined();
    if (diligent.lawyerId !== silent.lawyerId) {
      const other = await w.coord.get(`/violations?lawyerId=${diligent.lawyerId}`);
      expect(other.body.items.filter((v: { type: string }) => v.type === 'missing_record')).toEqual([]);
    }
  });
});
