import type { LawyerRef, RotaDetail, RotaExplanations, RotaSlot, RotaViolation } from '../../contracts/rotas';
import type { Post } from '../../contracts/posts';
import type { Assignment, PlanResult, Rota as EngineRota, Slot, Violation } from '../../../../scheduler/src/index';
import { summaryOf, type SlotFields, type StoredRota } from './rotas.repository';
import type { PlanningLawyer } from './planning/planningInputs';

/** Engine slots and assignments as stored slots, each carrying its lawyers. */
export function slotsFromEngine(slots: Slot[], assignments: Assignment[]): SlotFields[] {
  const bySlot = new Map<string, { ids: string[]; pinned: string[] }>();
  for (const a of assignments) {
    const entry = bySlot.get(a.slotId) ?? { ids: [], pinned: [] };
    entry.ids.push(a.lawyerId);
    if (a.pinned) entry.pinned.push(a.lawyerId);
    bySlot.set(a.slotId, entry);
  }
  return slots.map((s) => ({
    id: s.id,
    postId: s.postId,
    day: s.day,
    localStart: s.localStart,
    localEnd: s.localEnd,
    start: new Date(s.start),
    end: new Date(s.end),
    lawyersNeeded: s.lawyersNeeded,
    holiday: s.holiday,
    makeUpDay: s.makeUpDay,
    weekendOrHoliday: s.weekendOrHoliday,
    early: s.early,
    late: s.late,
    lawyerIds: bySlot.get(s.id)?.ids ?? [],
    pinnedLawyerIds: bySlot.get(s.id)?.pinned ?? [],
  }));
}

/** Stored slots as the engine's rota (for checks, validation and repair). */
export function engineRotaOf(r: Pick<StoredRota, 'from' | 'to' | 'seed'>, slots: SlotFields[]): EngineRota {
  return {
    period: { from: r.from, to: r.to },
    seed: r.seed,
    slots: slots.map((s) => ({
      id: s.id,
      postId: s.postId,
      day: s.day,
      localStart: s.localStart,
      localEnd: s.localEnd,
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      lawyersNeeded: s.lawyersNeeded,
      holiday: s.holiday,
      makeUpDay: s.makeUpDay,
      weekendOrHoliday: s.weekendOrHoliday,
      early: s.early ?? false,
      late: s.late ?? false,
    })),
    assignments: slots.flatMap((s) =>
      s.lawyerIds.map((lawyerId) => (s.pinnedLawyerIds.includes(lawyerId) ? { slotId: s.id, lawyerId, pinned: true } : { slotId: s.id, lawyerId })),
    ),
  };
}

export function violationView(v: Violation, locale: 'zh' | 'en' = 'zh'): RotaViolation {
  return { rule: v.rule, slotId: v.slotId, lawyerId: v.lawyerId, message: locale === 'zh' ? v.messageZh : v.message };
}

export function explanationsOf(result: Pick<PlanResult, 'unfilled' | 'softGoalsMissed' | 'fairness' | 'figures' | 'violations'>): RotaExplanations {
  return {
    unfilled: result.unfilled.map((u) => ({ slotId: u.slotId, missing: u.missing, code: u.code, message: u.messageZh, reason: u.reason, counts: { qualified: u.qualified, ...u.eliminated } })),
    softGoalsMissed: result.softGoalsMissed.map((g) => ({ rule: g.rule, target: g.target, actual: g.actual, missedBy: g.missedBy, details: g.details.slice(0, 20) })),
    fairness: result.fairness.lawyers.map((l) => ({ lawyerId: l.lawyerId, duties: l.duties, weekendOrHoliday: l.weekendOrHoliday, early: l.early, late: l.late })),
    figures: {
      slots: result.figures.slots,
      seats: result.figures.seats,
      filled: result.figures.filled,
      unfilled: result.figures.unfilled,
      hardViolations: result.figures.hardViolations,
      spread: result.figures.spread,
      weekendSpread: result.figures.weekendSpread,
      spreadLowerBound: result.figures.spreadLowerBound,
      weekendSpreadLowerBound: result.figures.weekendSpreadLowerBound,
      optimal: result.figures.optimal,
    },
    violations: result.violations.slice(0, 200).map((v) => violationView(v)),
  };
}

export function slotView(s: SlotFields): RotaSlot {
  return {
    id: s.id,
    postId: s.postId,
    day: s.day,
    localStart: s.localStart,
    localEnd: s.localEnd,
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    lawyersNeeded: s.lawyersNeeded,
    holiday: s.holiday,
    makeUpDay: s.makeUpDay,
    weekendOrHoliday: s.weekendOrHoliday,
    lawyerIds: s.lawyerIds,
    pinnedLawyerIds: s.pinnedLawyerIds,
  };
}

export function lawyerRef(l: PlanningLawyer): LawyerRef {
  return { id: l.id, name: l.name, firm: l.firm, licenceNumber: l.licenceNumber };
}

export function detailOf(r: StoredRota, posts: Post[], lawyers: PlanningLawyer[]): RotaDetail {
  return {
    ...summaryOf(r),
    slots: r.slots.map(slotView),
    explanations: (r.explanations as RotaExplanations | null) ?? null,
    lawyers: Object.fromEntries(lawyers.map((l) => [l.id, lawyerRef(l)])),
    posts: Object.fromEntries(posts.map((p) => [p.id, { id: p.id, name: p.name, code: p.code, district: p.district, kind: p.kind }])),
  };
}
