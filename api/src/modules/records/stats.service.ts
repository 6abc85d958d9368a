import { POST_KIND_LABELS, type PostKind } from '../../contracts/common';
import type { Post } from '../../contracts/posts';
import { RECORD_KINDS, type Counted, type RecordKind, type StatsBreakdown, type StatsSummary } from '../../contracts/records';
import type { Clock } from '../../lib/clock';
import type { AttendanceService } from '../attendance/attendance.service';
import type { CheckinsService } from '../checkins/checkins.service';
import type { FeedbackStatsReader } from '../feedback/feedback.port';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';
import { attendanceByKey } from './attendance-batches';
import { parseCounterKey } from './records.counters';
import { dayCounts, monthCounts } from './records.repository';
import { addDays, daysBetween, monthRange, startOfDay, today } from './records.time';
import { findMonthTotals, findSheets, saveMonthTotals, saveSheets, type DutyDaySheetDoc, type DutyMonthTotalsDoc } from './stats.repository';

export interface StatsDeps {
  clock: Clock;
  rotas: Pick<RotasService, 'duties'>;
  checkins: Pick<CheckinsService, 'attendanceOf'>;
  attendance: Pick<AttendanceService, 'events'>;
  feedback: FeedbackStatsReader;
  postsByIds(ids: string[]): Promise<Post[]>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  publishedSlots(from: string, to: string): Promise<Map<string, { slots: number; filled: number }>>;
}

/** A day's sheet is kept once nothing can change it: two days after it ended, every check-out and event is in. */
const SHEET_SETTLES_AFTER_DAYS = 3;

/** Whole months inside from..to, and the days at either edge outside them. */
export function splitPeriod(from: string, to: string): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  for (let d = from; d <= to; ) {
    const { to: end } = monthRange(d.slice(0, 7));
    if (d.endsWith('-01') && end <= to) {
      months.push(d.slice(0, 7));
      d = addDays(end, 1);
    } else {
      days.push(d);
      d = addDays(d, 1);
    }
  }
  return { months, days };
}

const emptyKinds = () => Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;

/**
 * Statistics from the records' day counters and the duties' day sheets: a period costs one read by
 * primary key per day, however many records and check-ins the years have piled up.
 */
export function createStatsService(deps: StatsDeps) {
  /** Each day's duties with attendance: stored sheets for settled days, computed for the rest. */
  async function sheets(from: string, to: string): Promise<DutyDaySheetDoc[]> {
    const now = deps.clock.now();
    const days = daysBetween(from, to);
    const stored = await findSheets(days);
    const missing = days.filter((d) => !stored.has(d));
    if (missing.length > 0) {
      const lo = missing[0]!;
      const hi = missing.at(-1)!;
      const wanted = new Set(missing);
      const duties = (await deps.rotas.duties({ from: lo, to: hi })).filter((d) => wanted.has(d.day));
      // Duties not yet begun have no check-ins to read.
      const begun = duties.filter((d) => new Date(d.start) <= now);
      const attendance = [
        ...(await attendanceByKey(deps.checkins, begun, now)),
        ...(await deps.checkins.attendanceOf(duties.filter((d) => new Date(d.start) > now), now, { marks: false })),
      ];
      const events = new Set((await deps.attendance.events({ from: lo, to: hi })).map((e) => `${e.dutyKey}:${e.type}`));
      const slots = await deps.publishedSlots(lo, hi);
      const fresh = new Map<string, DutyDaySheetDoc>(
        missing.map((d) => [d, { _id: d, computedAt: now, slots: slots.get(d)?.slots ?? 0, filledSlots: slots.get(d)?.filled ?? 0, rows: [] }]),
      );
      for (const a of attendance) {
        fresh.get(a.duty.day)!.rows.push({
          postId: a.duty.postId,
          lawyerId: a.duty.lawyerId,
          hours: (new Date(a.duty.end).getTime() - new Date(a.duty.start).getTime()) / 3_600_000,
          attended: a.inAt !== null,
          late: events.has(`${a.dutyKey}:late`),
          absent: events.has(`${a.dutyKey}:absent`),
          leftEarly: events.has(`${a.dutyKey}:left_early`),
        });
      }
      const settled = [...fresh.values()].filter((s) => startOfDay(addDays(s._id, SHEET_SETTLES_AFTER_DAYS)) <= now);
      await saveSheets(settled);
      for (const [d, s] of fresh) stored.set(d, s);
    }
    return days.map((d) => stored.get(d)!);
  }

  /** Counter entries of the period (whole months from the month counters, the edges day by day). */
  async function counterEntries(from: string, to: string) {
    const out: { day: string; metric: string; postId: string; lawyerId: string; n: number }[] = [];
    const { months, days } = splitPeriod(from, to);
    const add = (day: string, counts: Record<string, number>) => {
      for (const [key, n] of Object.entries(counts)) out.push({ day, ...parseCounterKey(key), n });
    };
    for (const [month, counts] of await monthCounts(months)) add(`${month}-01`, counts);
    for (const [day, counts] of await dayCounts(days)) add(day, counts);
    return out;
  }

  type Totals = DutyMonthTotalsDoc['totals'];
  const totalsOf = (sheets: DutyDaySheetDoc[]): Totals => {
    const rows = sheets.flatMap((x) => x.rows);
    return {
      slots: sheets.reduce((n, x) => n + x.slots, 0),
      filledSlots: sheets.reduce((n, x) => n + x.filledSlots, 0),
      duties: rows.length,
      attended: rows.filter((r) => r.attended).length,
      onTime: rows.filter((r) => r.attended && !r.late).length,
      late: rows.filter((r) => r.late).length,
      absent: rows.filter((r) => r.absent).length,
      leftEarly: rows.filter((r) => r.leftEarly).length,
    };
  };

  /** Duty totals of a period: settled whole months from their stored totals, the rest from day sheets. */
  async function dutyTotals(from: string, to: string): Promise<Totals> {
    const now = deps.clock.now();
    const { months, days } = splitPeriod(from, to);
    const parts: Totals[] = [];
    const settled = (month: string) => startOfDay(addDays(monthRange(month).to, SHEET_SETTLES_AFTER_DAYS)) <= now;
    const stored = await Promise.all(months.map((m) => (settled(m) ? findMonthTotals(m) : null)));
    const toCompute = months.filter((_, i) => !stored[i]);
    // The months without stored totals are summed from one read of their day sheets.
    const daySheets = toCompute.length ? await sheets(`${toCompute[0]}-01`, monthRange(toCompute.at(-1)!).to) : [];
    for (const [i, month] of months.entries()) {
      if (stored[i]) {
        parts.push(stored[i]!.totals);
        continue;
      }
      const totals = totalsOf(daySheets.filter((x) => x._id.startsWith(month)));
      if (settled(month)) await saveMonthTotals({ _id: month, computedAt: now, totals });
      parts.push(totals);
    }
    // The edge days come in at most two runs (before and after the whole months).
    for (const run of [days.filter((d) => !months.length || d < `${months[0]}-01`), days.filter((d) => months.length > 0 && d > `${months.at(-1)}-31`)]) {
      if (run.length) parts.push(totalsOf(await sheets(run[0]!, run.at(-1)!)));
    }
    return parts.reduce((a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Totals] + b[k as keyof Totals]])) as Totals, totalsOf([]));
  }

  async function summary(from: string, to: string): Promise<StatsSummary> {
    const [d, entries, feedback] = await Promise.all([dutyTotals(from, to), counterEntries(from, to), deps.feedback.countsBetween(from, to)]);
    const byKind = emptyKinds();
    const metric = (m: string) => entries.filter((e) => e.metric === m).reduce((s, e) => s + e.n, 0);
    for (const k of RECORD_KINDS) byKind[k] = metric(k);
    return {
      from,
      to,
      duties: d.duties,
      attended: d.attended,
      consultations: byKind.consultation,
      pleaStatements: byKind.plea_witness,
      cases: metric('case'),
      records: RECORD_KINDS.reduce((s, k) => s + byKind[k], 0),
      byKind,
      coverage: { slots: d.slots, filledSlots: d.filledSlots, duties: d.duties, attended: d.attended },
      punctuality: { onTime: d.onTime, late: d.late, absent: d.absent, leftEarly: d.leftEarly },
      deadlines: { met: metric('deadline_met'), missed: metric('deadline_missed') },
      fastTrackCases: metric('fast_track'),
      feedback,
    };
  }

  async function breakdown(from: string, to: string): Promise<StatsBreakdown> {
    const entries = await counterEntries(from, to);
    const posts = new Map((await deps.postsByIds([...new Set(entries.map((e) => e.postId).filter(Boolean))])).map((p) => [p.id, p]));
    const lawyers = new Map((await deps.lawyersByIds([...new Set(entries.map((e) => e.lawyerId))])).map((l) => [l.id, l]));
    function group(keyOf: (e: (typeof entries)[number]) => [string, string]): Counted[] {
      const rows = new Map<string, Counted>();
      for (const e of entries) {
        const [key, label] = keyOf(e);
        const row = rows.get(key) ?? { key, label, consultations: 0, pleaStatements: 0, cases: 0, records: 0 };
        if (e.metric === 'consultation') row.consultations += e.n;
        if (e.metric === 'plea_witness') row.pleaStatements += e.n;
        if (e.metric === 'case') row.cases += e.n;
        if ((RECORD_KINDS as readonly string[]).includes(e.metric)) row.records += e.n;
        rows.set(key, row);
      }
      return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
    }
    const months = group((e) => [e.day.slice(0, 7), e.day.slice(0, 7)]);
    // Every month of the period has a row, so a chart shows quiet months as zero.
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-01`, 31).slice(0, 7)) {
      if (!months.some((r) => r.key === m)) months.push({ key: m, label: m, consultations: 0, pleaStatements: 0, cases: 0, records: 0 });
    }
    months.sort((a, b) => a.key.localeCompare(b.key));
    const byRecords = (rows: Counted[]) => rows.sort((a, b) => b.records - a.records || a.key.localeCompare(b.key));
    return {
      from,
      to,
      byMonth: months,
      byPost: byRecords(group((e) => [e.postId || '-', posts.get(e.postId)?.name ?? '—'])),
      byDistrict: byRecords(group((e) => [posts.get(e.postId)?.district ?? '—', posts.get(e.postId)?.district ?? '—'])),
      byPostKind: byRecords(group((e) => {
        const kind = posts.get(e.postId)?.kind;
        return [kind ?? '-', kind ? POST_KIND_LABELS[kind as PostKind] : '—'];
      })),
      byLawyer: byRecords(group((e) => [e.lawyerId, lawyers.get(e.lawyerId)?.name ?? '—'])),
    };
  }

  return { summary, breakdown, sheets, today: () => today(deps.clock.now()) };
}

export type StatsService = ReturnType<typeof createStatsService>;
