import { resolveRules } from './defaults';
import type { Absence, Lawyer, Post, RotaInstance, RuleSettings, Slot } from './types';
import { DAY_MS, epochDay, isoWeekday, monthNumber, weekNumber } from '../time/localDay';

/**
 * The instance compiled into indexed, typed-array form, shared by the solver, the
 * validator, the explanations and repair. Lawyers, posts and slots are referred to by
 * their index in these arrays.
 */
export interface Problem {
  instance: RotaInstance;
  rules: RuleSettings;
  minRestMs: number;
  slots: Slot[];
  posts: Post[];
  lawyers: Lawyer[];
  slotIndex: Map<string, number>;
  postIndex: Map<string, number>;
  lawyerIndex: Map<string, number>;

  slotStart: Float64Array;
  slotEnd: Float64Array;
  /** Local day of each slot as days since 1970. */
  slotDay: Int32Array;
  slotWeekday: Int8Array;
  slotWeek: Int32Array;
  slotMonth: Int32Array;
  slotPost: Int32Array;
  slotGroup: Int32Array;
  slotNeeded: Int32Array;
  slotWeekend: Uint8Array;
  slotEarly: Uint8Array;
  slotLate: Uint8Array;
  firstDay: number;
  dayCount: number;
  firstWeek: number;
  weekCount: number;
  firstMonth: number;
  monthCount: number;
  maxSlotMs: number;

  /** Groups are (post kind, district) pairs; members are active, eligible and qualified. */
  groupKeys: string[];
  groupMembers: Int32Array[];
  groupSlots: Int32Array[];
  lawyerGroups: Uint8Array;

  lawyerActive: Uint8Array;
  lawyerEligible: Uint8Array;
  lawyerFirm: Int32Array;
  firmIds: string[];
  lawyerMaxWeek: Int32Array;
  lawyerMaxMonth: Int32Array;
  leave: AbsenceRange[][];
  unavailable: AbsenceRange[][];
  /** Memo of derived lawyer sets (e.g. who could serve weekend slots), filled on demand. */
  memo: Map<string, Uint8Array>;
}

/** Absence compiled either to local-day numbers (inclusive) or to instants (half-open). */
export interface AbsenceRange {
  byDay: boolean;
  from: number;
  to: number;
}

export function groupKey(kind: string, district: string): string {
  return `${kind}|${district}`;
}

export function compileAbsence(a: Absence): AbsenceRange {
  const byDay = a.from.length === 10 && a.to.length === 10;
  if (byDay) return { byDay, from: epochDay(a.from), to: epochDay(a.to) };
  const from = Date.parse(a.from);
  const to = Date.parse(a.to);
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError(`bad absence ${a.from}…${a.to}`);
  return { byDay, from, to };
}

export function absenceCovers(ranges: AbsenceRange[], day: number, start: number, end: number): boolean {
  for (const r of ranges) {
    if (r.byDay ? day >= r.from && day <= r.to : start < r.to && end > r.from) return true;
  }
  return false;
}

export function buildProblem(instance: RotaInstance, slots: Slot[]): Problem {
  const rules = resolveRules(instance);
  const { posts, lawyers } = instance;
  const nS = slots.length;
  const postIndex = new Map(posts.map((p, i) => [p.id, i]));
  const lawyerIndex = new Map(lawyers.map((l, i) => [l.id, i]));
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));

  // Group ids by kind, then district: nested maps avoid building a key per lookup.
  const groupIds = new Map<string, Map<string, number>>();
  const groupKeys: string[] = [];
  const postGroup = posts.map((p) => {
    let byDistrict = groupIds.get(p.kind);
    if (!byDistrict) groupIds.set(p.kind, (byDistrict = new Map()));
    let g = byDistrict.get(p.district);
    if (g === undefined) {
      byDistrict.set(p.district, (g = groupKeys.length));
      groupKeys.push(groupKey(p.kind, p.district));
    }
    return g;
  });
  const nG = groupKeys.length;

  const slotStart = new Float64Array(nS);
  const slotEnd = new Float64Array(nS);
  const slotDay = new Int32Array(nS);
  const slotWeekday = new Int8Array(nS);
  const slotWeek = new Int32Array(nS);
  const slotMonth = new Int32Array(nS);
  const slotPost = new Int32Array(nS);
  const slotGroup = new Int32Array(nS);
  const slotNeeded = new Int32Array(nS);
  const slotWeekend = new Uint8Array(nS);
  const slotEarly = new Uint8Array(nS);
  const slotLate = new Uint8Array(nS);
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let maxSlotMs = 0;
  const groupSlotLists: number[][] = Array.from({ length: nG }, () => []);
  const dayFacts = new Map<string, [number, number, number]>();
  // Slots share instants (and usually the very same strings), so each is parsed once.
  const instants = new Map<string, number>();
  const instant = (iso: string) => {
    let ms = instants.get(iso);
    if (ms === undefined) instants.set(iso, (ms = Date.parse(iso)));
    return ms;
  };
  slots.forEach((s, i) => {
    const p = postIndex.get(s.postId);
    if (p === undefined) throw new RangeError(`slot ${s.id} refers to unknown post ${s.postId}`);
    slotStart[i] = instant(s.start);
    slotEnd[i] = instant(s.end);
    let facts = dayFacts.get(s.day);
    if (!facts) {
      facts = [epochDay(s.day), isoWeekday(s.day), monthNumber(s.day)];
      dayFacts.set(s.day, facts);
    }
    slotDay[i] = facts[0];
    slotWeekday[i] = facts[1];
    slotWeek[i] = weekNumber(facts[0]);
    slotMonth[i] = facts[2];
    slotPost[i] = p;
    slotGroup[i] = postGroup[p];
    slotNeeded[i] = s.lawyersNeeded;
    slotWeekend[i] = s.weekendOrHoliday ? 1 : 0;
    slotEarly[i] = s.early ? 1 : 0;
    slotLate[i] = s.late ? 1 : 0;
    firstDay = Math.min(firstDay, slotDay[i]);
    lastDay = Math.max(lastDay, slotDay[i]);
    maxSlotMs = Math.max(maxSlotMs, slotEnd[i] - slotStart[i]);
    groupSlotLists[postGroup[p]].push(i);
  });
  if (nS === 0) firstDay = lastDay = epochDay(instance.period.from);

  const firmIndex = new Map<string, number>();
  const lawyerFirm = new Int32Array(lawyers.length);
  const lawyerActive = new Uint8Array(lawyers.length);
  const lawyerEligible = new Uint8Array(lawyers.length);
  const lawyerMaxWeek = new Int32Array(lawyers.length);
  const lawyerMaxMonth = new Int32Array(lawyers.length);
  const lawyerGroups = new Uint8Array(lawyers.length * Math.max(1, nG));
  const members: number[][] = Array.from({ length: nG }, () => []);
  lawyers.forEach((l, i) => {
    if (!firmIndex.has(l.firmId)) firmIndex.set(l.firmId, firmIndex.size);
    lawyerFirm[i] = firmIndex.get(l.firmId)!;
    lawyerActive[i] = l.status === 'active' ? 1 : 0;
    lawyerEligible[i] = l.eligible ? 1 : 0;
    lawyerMaxWeek[i] = l.maxPerWeek ?? rules.maxPerWeek;
    lawyerMaxMonth[i] = l.maxPerMonth ?? rules.maxPerMonth;
    for (const kind of l.qualifications.kinds) {
      const byDistrict = groupIds.get(kind);
      if (!byDistrict) continue;
      for (const district of l.qualifications.districts) {
        const g = byDistrict.get(district);
        if (g === undefined || lawyerGroups[i * nG + g]) continue;
        lawyerGroups[i * nG + g] = 1;
        if (lawyerActive[i] && lawyerEligible[i]) members[g].push(i);
      }
    }
  });

  const firstWeek = weekNumber(firstDay);
  let firstMonth = monthNumber(instance.period.from);
  let lastMonth = firstMonth;
  for (const m of slotMonth) {
    if (m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }

  return {
    instance,
    rules,
    minRestMs: rules.minRestHours * 3_600_000,
    slots,
    posts,
    lawyers,
    slotIndex,
    postIndex,
    lawyerIndex,
    slotStart,
    slotEnd,
    slotDay,
    slotWeekday,
    slotWeek,
    slotMonth,
    slotPost,
    slotGroup,
    slotNeeded,
    slotWeekend,
    slotEarly,
    slotLate,
    firstDay,
    dayCount: lastDay - firstDay + 1,
    firstWeek,
    weekCount: weekNumber(lastDay) - firstWeek + 1,
    firstMonth,
    monthCount: lastMonth - firstMonth + 1,
    maxSlotMs,
    groupKeys,
    groupMembers: members.map((m) => Int32Array.from(m)),
    groupSlots: groupSlotLists.map((m) => Int32Array.from(m)),
    lawyerGroups,
    lawyerActive,
    lawyerEligible,
    lawyerFirm,
    firmIds: [...firmIndex.keys()],
    lawyerMaxWeek,
    lawyerMaxMonth,
    leave: lawyers.map((l) => (l.leave ?? []).map(compileAbsence)),
    unavailable: lawyers.map((l) => (l.unavailable ?? []).map(compileAbsence)),
    memo: new Map(),
  };
}

/** Days a duty on day `d` must be compared with for overlap and rest, either side. */
export function neighbourDays(p: Problem): number {
  return Math.ceil((p.minRestMs + p.maxSlotMs) / DAY_MS) + 1;
}
