import ExcelJS from 'exceljs';
import type { Duty } from '../../../api/src/contracts/rotas';
import { dutyKeyOf } from '../../../api/src/modules/attendance/attendance.service';
import { AuditModel } from '../../../api/src/modules/audit/audit.model';
import { DutyDaySheetModel, SubsidyMonthModel } from '../../../api/src/modules/records/records.model';
import { splitPeriod } from '../../../api/src/modules/records/stats.service';
import { subsidyLine } from '../../../api/src/modules/records/subsidy.service';
import { useTestDatabase } from '../../support/db';
import { manualClock, useApp } from '../../support/zhiban';
import { buildRecordsWorld, checkedIn, clientKey, sample, type RecordsWorld } from './records-world';

useTestDatabase();
const clock = manualClock('2026-05-20T02:00:00Z');
const session = { idleMinutes: 60 * 24 * 90, absoluteHours: 24 * 90 };
const app = useApp(() => ({ clock, session }));
const services = () => app.services();
let w: RecordsWorld;
let duties: Duty[];

/** What the test wrote, counted here independently of the server. */
const tally = {
  attended: new Set<string>(),
  late: 0,
  consultations: 0,
  pleas: 0,
  records: 0,
  caseNumbers: new Set<string>(),
  consultationsWithoutCase: 0,
  byPost: new Map<string, number>(),
  byLawyer: new Map<string, number>(),
  pleasByLawyer: new Map<string, number>(),
  byKindOfLawyer: new Map<string, number>(),
};
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

async function record(duty: Duty, kind: keyof typeof sample, data: unknown) {
  clock.set(new Date(new Date(duty.start).getTime() + 30 * 60_000));
  const res = await w.lawyers.get(duty.lawyerId)!.post('/records', { kind, dutyKey: dutyKeyOf(duty), clientKey: clientKey(), data });
  if (res.status !== 201) throw new Error(`record: ${res.status} ${JSON.stringify(res.body)}`);
  tally.records++;
  bump(tally.byPost, duty.postId);
  bump(tally.byLawyer, duty.lawyerId);
  const caseNumber = (data as { caseNumber?: string }).caseNumber;
  if (caseNumber) tally.caseNumbers.add(caseNumber);
  if (kind === 'consultation') {
    tally.consultations++;
    if (!caseNumber) tally.consultationsWithoutCase++;
  }
  if (kind === 'plea_witness') {
    tally.pleas++;
    bump(tally.pleasByLawyer, duty.lawyerId);
  }
  return res.body;
}

beforeAll(async () => {
  w = await buildRecordsWorld(app, services);
  duties = await services().rotas.duties({ from: '2026-06-01', to: '2026-06-05' });
  // Every third duty is skipped (no check-in); every fourth attended one is late. Records follow a fixed pattern.
  for (const [i, d] of duties.entries()) {
    if (i % 3 === 2) continue;
    const late = i % 4 === 1;
    await checkedIn(d, late ? 20 : 0);
    tally.attended.add(dutyKeyOf(d));
    if (late) {
      await services().attendance.record(d, [{ type: 'late', at: new Date(new Date(d.start).getTime() + 20 * 60_000), minutes: 20 }]);
      tally.late++;
    }
    await record(d, 'consultation', sample.consultation(i % 2 ? `玄检刑诉〔2026〕${100 + (i % 5)}号` : undefined));
    if (i % 2 === 0) await record(d, 'plea_witness', sample.plea_witness(`玄检刑诉〔2026〕${200 + i}号`));
    if (i % 5 === 0) await record(d, 'meeting', sample.meeting());
  }
}, 120_000);

describe('statistics', () => {
  it('when staff ask for the summary of a period, then the figures equal the duties, check-ins and records written', async () => {
    clock.set('2026-06-10T02:00:00Z');
    const res = await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-05');
    expect(res.status).toBe(200);
    const staffDuties = await w.coord.get('/duties?from=2026-06-01&to=2026-06-05');
    expect(res.body).toMatchObject({
      duties: staffDuties.body.length,
      attended: tally.attended.size,
      consultations: tally.consultations,
      pleaStatements: tally.pleas,
      cases: tally.caseNumbers.size + tally.consultationsWithoutCase,
      records: tally.records,
      punctuality: { onTime: tally.attended.size - tally.late, late: tally.late, absent: 0, leftEarly: 0 },
      feedback: { praise: 0, complaints: 0, upheld: 0 },
    });
    expect(res.body.coverage.slots).toBeGreaterThan(0);
    expect(res.body.coverage.filledSlots).toBeLessThanOrEqual(res.body.coverage.slots);
    expect(Object.keys(res.body)).toEqual(expect.arrayContaining(['duties', 'attended', 'consultations', 'pleaStatements']));
    // The settled days are kept, so the next read does not go back to the check-ins.
    expect(await DutyDaySheetModel.countDocuments()).toBe(5);
    expect((await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-05')).body).toEqual(res.body);
  });

  it('when staff break the period down, then posts, lawyers, districts, kinds and months add up to what was written', async () => {
    const res = await w.coord.get('/stats/breakdown?from=2026-06-01&to=2026-06-30');
    expect(res.status).toBe(200);
    const asMap = (rows: { key: string; records: number }[]) => new Map(rows.filter((r) => r.records > 0).map((r) => [r.key, r.records]));
    expect(asMap(res.body.byPost)).toEqual(tally.byPost);
    expect(asMap(res.body.byLawyer)).toEqual(tally.byLawyer);
    expect(res.body.byDistrict).toEqual([expect.objectContaining({ key: '玄武区', records: tally.records, consultations: tally.consultations, pleaStatements: tally.pleas })]);
    expect(res.body.byPostKind.map((r: { key: string }) => r.key).sort()).toEqual(['court', 'detention_centre']);
    expect(res.body.byMonth).toEqual([expect.objectContaining({ key: '2026-06', records: tally.records })]);
  });

  it('when a lawyer records another plea statement, then the figures move by one', async () => {
    const before = (await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-05')).body;
    const d = duties[0]!;
    clock.set('2026-06-10T02:00:00Z');
    const res = await w.lawyers.get(d.lawyerId)!.post('/records', { kind: 'plea_witness', dutyKey: dutyKeyOf(d), clientKey: clientKey(), data: sample.plea_witness('玄检刑诉〔2026〕999号') });
    expect(res.status).toBe(201);
    tally.pleas++;
    tally.records++;
    bump(tally.pleasByLawyer, d.lawyerId);
    const after = (await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-05')).body;
    expect([after.pleaStatements - before.pleaStatements, after.cases - before.cases, after.records - before.records]).toEqual([1, 1, 1]);
  });

  it('when staff export the statistics, then every table is a sheet of the workbook', async () => {
    const res = await w.coord.get('/stats/export?from=2026-06-01&to=2026-06-05');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '按月', '按工作站', '按区', '按岗位类型', '按律师']);
    const overview = wb.getWorksheet('概况')!;
    const row = overview.getRows(1, overview.rowCount)!.find((r) => r.getCell(1).value === '认罪认罚具结书见证');
    expect(row?.getCell(2).value).toBe(tally.pleas);
  });

  it('when a period spans whole months, then they are read from month counters and the edges day by day', async () => {
    expect(splitPeriod('2026-05-30', '2026-08-02')).toEqual({ months: ['2026-06', '2026-07'], days: ['2026-05-30', '2026-05-31', '2026-08-01', '2026-08-02'] });
    expect(splitPeriod('2026-06-03', '2026-06-05')).toEqual({ months: [], days: ['2026-06-03', '2026-06-04', '2026-06-05'] });
    const edges = (await w.coord.get('/stats/summary?from=2026-05-30&to=2026-07-02')).body;
    const week = (await w.coord.get('/stats/summary?from=2026-06-01&to=2026-06-05')).body;
    expect([edges.records, edges.consultations, edges.pleaStatements, edges.duties, edges.attended]).toEqual([week.records, week.consultations, week.pleaStatements, week.duties, week.attended]);
  });

  it('when the period is invalid, then it is refused', async () => {
    expect((await w.coord.get('/stats/summary?from=2026-06-05&to=2026-06-01')).status).toBe(400);
    expect((await w.coord.get('/stats/summary?from=2026-13-01&to=2026-12-01')).status).toBe(400);
    expect((await w.hotline.get('/stats/summary?from=2026-06-01&to=2026-06-05')).status).toBe(403);
  });
});

describe('subsidy statements', () => {
  it('when a line is worked out, then duties are paid by post kind and length and each plea statement adds the extra', () => {
    const rates = { rates: { detention_centre: { short: 100, long: 200 }, court: { short: 80, long: 150 } }, longFromHours: 3, perPleaWitnessed: 25 } as never;
    const line = subsidyLine(rates, { lawyerId: 'x', lawyerName: '甲', licenceNumber: '1', firm: '所' }, [
      { kind: 'detention_centre', hours: 2.5 },
      { kind: 'detention_centre', hours: 3 },
      { kind: 'court', hours: 2.5 },
      { kind: 'court', hours: 8 },
    ], 3, 7);
    expect(line).toMatchObject({ shortDuties: 2, longDuties: 2, dutyAmount: 100 + 200 + 80 + 150, pleaStatements: 3, pleaAmount: 75, total: 605, records: 7 });
  });

  it('when staff review a month, then each lawyer’s line follows the rates from the attended duties and pleas; locking fixes it once', async () => {
    const rates = { rates: { detention_centre: { short: 100, long: 200 }, court: { short: 80, long: 150 } }, longFromHours: 3, perPleaWitnessed: 25 };
    const put = await w.coord.put('/subsidy/rates', rates);
    expect(put.status).toBe(200);
    expect(put.body.rates.detention_centre).toEqual({ short: 100, long: 200 });
    expect(await AuditModel.countDocuments({ action: 'subsidy.rates_update' })).toBe(1);

    clock.set('2026-07-02T02:00:00Z');
    const kindOf = new Map(w.world.posts.map((p, i) => [p.id, i % 2 === 0 ? 'detention_centre' : 'court']));
    const expected = new Map<string, number>();
    for (const d of duties) {
      if (!tally.attended.has(dutyKeyOf(d))) continue;
      const hours = (new Date(d.end).getTime() - new Date(d.start).getTime()) / 3_600_000;
      const r = rates.rates[kindOf.get(d.postId) as 'court'];
      bump(expected, d.lawyerId, hours >= 3 ? r.long : r.short);
    }
    for (const [lawyerId, n] of tally.pleasByLawyer) bump(expected, lawyerId, n * 25);
    const res = await w.coord.get('/subsidy/2026-06');
    expect(res.status).toBe(200);
    expect(new Map(res.body.lines.map((l: { lawyerId: string; total: number }) => [l.lawyerId, l.total]))).toEqual(expected);
    expect(res.body.total).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(res.body.locked).toBe(false);

    const lock = await w.coord.post('/subsidy/2026-06/lock');
    expect(lock.body).toMatchObject({ locked: true, lockedBy: 'coord', total: res.body.total });
    expect(await SubsidyMonthModel.countDocuments({ _id: '2026-06' })).toBe(1);
    expect((await w.admin.post('/subsidy/2026-06/lock')).body.error.code).toBe('month_locked');
    expect((await w.coord.post('/subsidy/2026-07/lock')).body.error.code).toBe('month_not_over');
    await w.coord.put('/subsidy/rates', { ...rates, perPleaWitnessed: 1000 });
    expect((await w.coord.get('/subsidy/2026-06')).body.total).toBe(res.body.total);
    expect(await AuditModel.countDocuments({ action: 'subsidy.lock', entityId: '2026-06' })).toBe(1);
  });

  it('when staff export a month, then the workbook has the finance layout: title, numbered lines, the total and signatures', async () => {
    const statement = (await w.coord.get('/subsidy/2026-06')).body;
    const res = await w.coord.get('/subsidy/2026-06/export');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('2026年6月 法律援助值班律师补贴发放表');
    expect(ws.getCell(3, 1).value).toBe('序号');
    expect(ws.getCell(4, 1).value).toBe(1);
    const totalRow = ws.getRow(4 + statement.lines.length);
    expect([totalRow.getCell(1).value, totalRow.getCell(10).value]).toEqual(['合计', statement.total]);
    expect(ws.getRows(1, ws.rowCount)!.some((r) => String(r.getCell(1).value).startsWith('制表人'))).toBe(true);
  });
});

describe('the duty history', () => {
  it('when staff open a lawyer’s dossier, then it lists the year’s duties with attendance and records, and the year’s figures; the lawyer sees the same', async () => {
    const lawyerId = duties[0]!.lawyerId;
    const own = duties.filter((d) => d.lawyerId === lawyerId);
    const res = await w.coord.get(`/lawyers/${lawyerId}/duty-history?year=2026`);
    expect(res.status).toBe(200);
    expect(res.body.duties).toHaveLength(own.length);
    expect(res.body.figures).toMatchObject({
      duties: own.length,
      attended: own.filter((d) => tally.attended.has(dutyKeyOf(d))).length,
      records: tally.byLawyer.get(lawyerId)! + 1, // the plea recorded later in these tests
    });
    const first = res.body.duties.find((x: { dutyKey: string }) => x.dutyKey === dutyKeyOf(duties[0]!));
    expect(first).toMatchObject({ attended: true, day: '2026-06-01', checkedInAt: expect.any(String) });
    expect(['checked_in', 'late', 'checked_out', 'left_early']).toContain(first.state);
    expect(first.records).toBeGreaterThan(0);
    const mine = await w.lawyers.get(lawyerId)!.get('/records/mine/history?year=2026');
    expect(mine.body).toEqual(res.body);
  });
});
