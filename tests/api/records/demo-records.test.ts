import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { DutyRecordModel, FastTrackCaseModel } from '../../../api/src/modules/records/records.model';
import { seedDemoRecords } from '../../../api/src/seed/demoRecords';
import { useTestDatabase } from '../../support/db';
import { manualClock, useApp } from '../../support/zhiban';
import { buildRecordsWorld, checkedIn, type RecordsWorld } from './records-world';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 60, absoluteHours: 24 * 60 };
const app = useApp(() => ({ clock, session }));
const services = () => app.services();
let w: RecordsWorld;

beforeAll(async () => {
  w = await buildRecordsWorld(app, services);
});

describe('demo records', () => {
  it('when no past duty has a check-in (only the current rota is seeded), then nothing is recorded', async () => {
    clock.set('2026-06-03T10:00:00Z');
    expect(await seedDemoRecords(services(), clock)).toEqual({ dutiesWithCheckin: 0, records: 0, fastTrackCases: 0 });
    expect(await DutyRecordModel.countDocuments()).toBe(0);
  });

  it('when past duties have check-ins, then records are made for those duties only, once however often it runs, and the statistics count them', async () => {
    const duties = await services().rotas.duties({ from: '2026-06-01', to: '2026-06-02' });
    const attended = duties.filter((_, i) => i % 2 === 0);
    for (const d of attended) await checkedIn(d);
    const first = await seedDemoRecords(services(), clock);
    expect(first.dutiesWithCheckin).toBe(attended.length);
    expect(first.records).toBeGreaterThan(attended.length);
    const stored = await DutyRecordModel.find({}).lean();
    const keys = new Set(attended.map(dutyKeyOf));
    expect(stored.every((r) => keys.has(r.dutyKey) && r.counted)).toBe(true);

    expect((await seedDemoRecords(services(), clock)).records).toBe(0);
    expect(await DutyRecordModel.countDocuments()).toBe(stored.length);
    const summary = (await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-02')).body;
    expect(summary.records).toBe(stored.length);
    expect(summary.consultations).toBe(stored.filter((r) => r.kind === 'consultation').length);
    expect(summary.fastTrackCases).toBe(await FastTrackCaseModel.countDocuments());
  });
});
