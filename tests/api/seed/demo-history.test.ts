import { AttendanceEventModel } from '../../../api/src/modules/attendance/attendance.model';
import { CheckinModel } from '../../../api/src/modules/checkins/checkins.model';
import { RotaVersionModel } from '../../../api/src/modules/rotas/rotas.model';
import { monthCollection } from '../../../api/src/db/partitions';
import { TIMELINES } from '../../../api/src/modules/rotas/timeline.model';
import { seedDemoHistory } from '../../../api/src/seed/demoHistory';
import { useTestDatabase } from '../../support/db';
import { buildWorld } from '../../support/rota-world';
import { createAccount, manualClock, useApp } from '../../support/zhiban';

useTestDatabase();
const clock = manualClock('2026-07-01T02:00:00Z');
const app = useApp(() => ({ clock }));
jest.setTimeout(180_000);

it('when the demo history is seeded, then last month has a rota published ahead, changes published during it, and check-ins whose events the attendance rules produced', async () => {
  await createAccount('admin', 'admin');
  const world = await buildWorld(await app.as('admin'), 2, 24);
  const seen: [string, number][] = [];
  const summary = await seedDemoHistory({ now: clock.now(), months: 1, onProgress: (phase, percent) => seen.push([phase, percent]) });
  expect(summary.months).toEqual(['2026-06']);
  // Progress moves forward through rotas, check-ins and attendance (the duty records come after).
  expect(seen.map(([p]) => p).filter((p, i, all) => all[i - 1] !== p)).toEqual(['rotas', 'checkins', 'attendance']);
  expect(seen.every(([, percent], i) => i === 0 || percent >= seen[i - 1]![1])).toBe(true);
  expect(seen.at(-1)![1]).toBeLessThanOrEqual(90);
  expect(summary.amendments + summary.swaps).toBeGreaterThanOrEqual(1);

  const versions = await RotaVersionModel.find({}).select({ slots: 0 }).sort({ version: 1 }).lean();
  expect(versions[0]!.publishedAt.toISOString()).toBe('2026-05-22T02:00:00.000Z');
  expect(versions.slice(1).every((v) => v.publishedAt > new Date('2026-06-01') && v.publishedAt < new Date('2026-07-01'))).toBe(true);
  expect(await monthCollection(TIMELINES, '2026-06').countDocuments()).toBe(world.posts.length);

  const checkins = await CheckinModel.countDocuments({ kind: 'in' });
  expect(checkins).toBeGreaterThan(0);
  expect(await CheckinModel.countDocuments()).toBe(summary.checkins);
  const events = await AttendanceEventModel.find({}).lean();
  expect(events.length).toBe(summary.attendanceEvents);
  // An absent event exactly for each duty without a check-in.
  const absent = new Set(events.filter((e) => e.type === 'absent').map((e) => e.dutyKey));
  const late = events.filter((e) => e.type === 'late');
  expect(late.every((e) => e.minutes > 10)).toBe(true);
  for (const key of absent) expect(await CheckinModel.findById(`${key}:in`).lean()).toBeNull();

  const again = await seedDemoHistory({ now: clock.now(), months: 1 });
  expect(again.months).toEqual([]);
  expect(await CheckinModel.countDocuments()).toBe(summary.checkins);
});
