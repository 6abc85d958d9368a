import type { PostKind } from '../../contracts/common';
import type { Post } from '../../contracts/posts';
import { SUBSIDY_POST_KINDS, type SubsidyLine, type SubsidyRates, type SubsidyStatement } from '../../contracts/records';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import type { PlanningLawyer } from '../rotas/rotas.port';
import { parseCounterKey } from './records.counters';
import { dayCounts, findLockedMonth, findSetting, insertLockedMonth, saveSetting, type SubsidyMonthDoc } from './records.repository';
import type { DutyDaySheetDoc } from './stats.repository';
import { daysBetween, monthRange, today } from './records.time';

/** Defaults until staff set their own: half-day duties (under 4 h) and full days, per post kind. */
export const DEFAULT_SUBSIDY_RATES: SubsidyRates = {
  rates: Object.fromEntries(SUBSIDY_POST_KINDS.map((k) => [k, k === 'hotline' || k === 'online' ? { short: 80, long: 150 } : { short: 100, long: 200 }])) as SubsidyRates['rates'],
  longFromHours: 4,
  perPleaWitnessed: 20,
};

export interface SubsidyDeps {
  clock: Clock;
  audit: AuditService;
  sheets(from: string, to: string): Promise<DutyDaySheetDoc[]>;
  postsByIds(ids: string[]): Promise<Post[]>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
}

/** The arithmetic of one lawyer's month: duties by length at their post kind's rate, plus each plea witnessed. */
export function subsidyLine(
  rates: SubsidyRates,
  lawyer: Pick<SubsidyLine, 'lawyerId' | 'lawyerName' | 'licenceNumber' | 'firm'>,
  duties: { kind: PostKind; hours: number }[],
  pleaStatements: number,
  records: number,
): SubsidyLine {
  let shortDuties = 0;
  let longDuties = 0;
  let dutyAmount = 0;
  for (const d of duties) {
    const rate = rates.rates[d.kind] ?? { short: 0, long: 0 };
    if (d.hours >= rates.longFromHours) {
      longDuties++;
      dutyAmount += rate.long;
    } else {
      shortDuties++;
      dutyAmount += rate.short;
    }
  }
  const pleaAmount = pleaStatements * rates.perPleaWitnessed;
  return { ...lawyer, shortDuties, longDuties, dutyAmount, pleaStatements, pleaAmount, records, total: dutyAmount + pleaAmount };
}

export function createSubsidyService(deps: SubsidyDeps) {
  async function rates(): Promise<SubsidyRates> {
    const stored = (await findSetting('subsidy'))?.value as SubsidyRates | undefined;
    return stored ? { ...DEFAULT_SUBSIDY_RATES, ...stored, rates: { ...DEFAULT_SUBSIDY_RATES.rates, ...stored.rates } } : DEFAULT_SUBSIDY_RATES;
  }

  async function updateRates(actor: Actor, body: SubsidyRates): Promise<SubsidyRates> {
    const before = await rates();
    const after = { ...body, rates: { ...before.rates, ...body.rates } };
    if (JSON.stringify(before) === JSON.stringify(after)) return before;
    await saveSetting({ _id: 'subsidy', value: after, updatedAt: deps.clock.now(), updatedBy: actor.username });
    await deps.audit.record(actor, { action: 'subsidy.rates_update', entityType: 'subsidy_rates', entityId: 'subsidy', before, after });
    return after;
  }

  /** The month as it stands: attended duties from the day sheets, pleas and records from the day counters. */
  async function compute(month: string): Promise<Omit<SubsidyStatement, 'locked' | 'lockedAt' | 'lockedBy'>> {
    const { from, to } = monthRange(month);
    const r = await rates();
    const [sheets, counts] = await Promise.all([deps.sheets(from, to), dayCounts(daysBetween(from, to))]);
    const rows = sheets.flatMap((s) => s.rows).filter((row) => row.attended);
    const pleas = new Map<string, number>();
    const records = new Map<string, number>();
    for (const c of counts.values()) {
      for (const [key, n] of Object.entries(c)) {
        const { metric, lawyerId } = parseCounterKey(key);
        if (metric === 'plea_witness') pleas.set(lawyerId, (pleas.get(lawyerId) ?? 0) + n);
        if (!['case', 'fast_track', 'deadline_met', 'deadline_missed'].includes(metric)) records.set(lawyerId, (records.get(lawyerId) ?? 0) + n);
      }
    }
    const lawyerIds = [...new Set([...rows.map((x) => x.lawyerId), ...pleas.keys()])];
    const posts = new Map((await deps.postsByIds([...new Set(rows.map((x) => x.postId))])).map((p) => [p.id, p]));
    const lawyers = await deps.lawyersByIds(lawyerIds);
    const lines = lawyers
      .map((l) =>
        subsidyLine(
          r,
          { lawyerId: l.id, lawyerName: l.name, licenceNumber: l.licenceNumber, firm: l.firm },
          rows.filter((x) => x.lawyerId === l.id).map((x) => ({ kind: posts.get(x.postId)?.kind ?? 'detention_centre', hours: x.hours })),
          pleas.get(l.id) ?? 0,
          records.get(l.id) ?? 0,
        ),
      )
      .sort((a, b) => a.firm.localeCompare(b.firm, 'zh-CN') || a.licenceNumber.localeCompare(b.licenceNumber));
    return { month, rates: r, lines, total: lines.reduce((s, l) => s + l.total, 0) };
  }

  const lockedView = (d: SubsidyMonthDoc): SubsidyStatement => ({
    month: d._id,
    locked: true,
    lockedAt: d.lockedAt.toISOString(),
    lockedBy: d.lockedBy,
    rates: d.rates as SubsidyRates,
    lines: d.lines as unknown as SubsidyLine[],
    total: d.total,
  });

  /** A locked month is the stored statement; an open one is computed afresh for review. */
  async function statement(month: string): Promise<SubsidyStatement> {
    const locked = await findLockedMonth(month);
    if (locked) return lockedView(locked);
    return { ...(await compute(month)), locked: false, lockedAt: null, lockedBy: null };
  }

  /** Fixes a month once it is over; a second lock (or a racing one) is refused. */
  async function lock(actor: Actor, month: string): Promise<SubsidyStatement> {
    if (monthRange(month).to >= today(deps.clock.now())) throw new AppError('month_not_over', 'A month can be locked only after it ends', 409);
    if (await findLockedMonth(month)) throw new AppError('month_locked', 'This month is already locked', 409);
    const s = await compute(month);
    const doc: SubsidyMonthDoc = { _id: month, lockedAt: deps.clock.now(), lockedBy: actor.username, rates: s.rates, lines: s.lines as unknown as Record<string, unknown>[], total: s.total };
    if (!(await insertLockedMonth(doc))) throw new AppError('month_locked', 'This month is already locked', 409);
    await deps.audit.record(actor, { action: 'subsidy.lock', entityType: 'subsidy_month', entityId: month, after: { total: s.total, lawyers: s.lines.length, rates: s.rates } });
    return lockedView(doc);
  }

  return { rates, updateRates, statement, lock };
}

export type SubsidyService = ReturnType<typeof createSubsidyService>;
