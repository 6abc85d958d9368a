import { neighbourDays, type Problem } from '../model/problem';
import { SEAT_RULES, type SeatCode } from '../rules/hard';
import type { SeatCheck, SeatState } from '../rules/types';

const SEAT_CHECKS: readonly SeatCheck[] = SEAT_RULES.map((rule) => rule.seat);
/** The checks about the lawyer and the slot alone come first, then those about the lawyer's other duties. */
const LAWYER_CHECKS = SEAT_CHECKS.filter((check) => check.allows).map((check) => check.allows!);
const ROTA_CHECKS = SEAT_CHECKS.filter((check) => check.refuses).map((check) => check.refuses!);
if (SEAT_CHECKS.some((check, i) => (i < LAWYER_CHECKS.length ? !check.allows : !check.refuses) || (check.allows && check.refuses))) {
  throw new Error('SEAT_RULES: each check either allows or refuses, and the lawyer-only ones come first');
}
// `canTake` runs millions of times per plan. Each check gets its own call site there, so the
// JIT sees one function at each and inlines it (one loop over all checks would not); this
// only fixes how many checks there are, and fails here at once when SEAT_RULES changes.
if (LAWYER_CHECKS.length !== 5 || ROTA_CHECKS.length !== 6) {
  throw new Error('SEAT_RULES changed: give each seat check its own call site in Schedule.canTake and scheduleAllows');
}
const [lawyer1, lawyer2, lawyer3, lawyer4, lawyer5] = LAWYER_CHECKS;
const [rota6, rota7, rota8, rota9, rota10, rota11] = ROTA_CHECKS;

/**
 * Why a lawyer cannot take a slot, as a number: 0 when nothing refuses, else 1 + the position
 * of the first seat rule that refuses (so a lower code is a more final refusal).
 */
export const BLOCK = Object.freeze(Object.fromEntries([['ok', 0], ...SEAT_CHECKS.map((check, i) => [check.code, i + 1])])) as {
  readonly ok: 0;
} & { readonly [code in SeatCode]: number };
export type BlockCode = number;
/** The message code of each block number. */
export const BLOCK_NAMES: readonly string[] = ['ok', ...SEAT_CHECKS.map((check) => check.code)];

/**
 * The mutable state of a rota under construction, indexed for constant-time checks: who
 * holds each seat, which slot a lawyer holds on each day, and duty counts per week, month
 * and category.
 */
export class Schedule implements SeatState {
  readonly seatStart: Int32Array;
  readonly seatLawyer: Int32Array;
  readonly seatPinned: Uint8Array;
  readonly dayDuty: Int32Array;
  readonly weekCount: Uint16Array;
  readonly monthCount: Uint16Array;
  readonly duties: Int32Array;
  readonly weekendDuties: Int32Array;
  readonly earlyDuties: Int32Array;
  readonly lateDuties: Int32Array;
  /** Duties per (lawyer, post) and per (firm, post), for variety and firm balance. */
  readonly postDuties: Uint16Array;
  readonly firmAtPost: Int32Array;
  readonly lawyerSlots: number[][];
  /** Extra same-day duties beyond the one `dayDuty` holds, only in hand-made rotas. */
  private readonly extraSameDay: Map<number, number[]> = new Map();
  readonly span: number;

  constructor(readonly p: Problem) {
    const nS = p.slots.length;
    const nL = p.lawyers.length;
    this.seatStart = new Int32Array(nS + 1);
    for (let s = 0; s < nS; s++) this.seatStart[s + 1] = this.seatStart[s] + p.slotNeeded[s];
    this.seatLawyer = new Int32Array(this.seatStart[nS]).fill(-1);
    this.seatPinned = new Uint8Array(this.seatStart[nS]);
    this.dayDuty = new Int32Array(nL * p.dayCount).fill(-1);
    this.weekCount = new Uint16Array(nL * p.weekCount);
    this.monthCount = new Uint16Array(nL * p.monthCount);
    this.duties = new Int32Array(nL);
    this.weekendDuties = new Int32Array(nL);
    this.earlyDuties = new Int32Array(nL);
    this.lateDuties = new Int32Array(nL);
    this.postDuties = new Uint16Array(nL * p.posts.length);
    this.firmAtPost = new Int32Array(p.firmIds.length * p.posts.length);
    this.lawyerSlots = Array.from({ length: nL }, () => []);
    this.span = neighbourDays(p);
  }

  lawyersIn(s: number): number[] {
    const out: number[] = [];
    for (let k = this.seatStart[s]; k < this.seatStart[s + 1]; k++) if (this.seatLawyer[k] >= 0) out.push(this.seatLawyer[k]);
    return out;
  }

  freeSeat(s: number): number {
    for (let k = this.seatStart[s]; k < this.seatStart[s + 1]; k++) if (this.seatLawyer[k] < 0) return k;
    return -1;
  }

  seatOf(s: number, l: number): number {
    for (let k = this.seatStart[s]; k < this.seatStart[s + 1]; k++) if (this.seatLawyer[k] === l) return k;
    return -1;
  }

  /** Whether `l` may take slot `s`, as if `without` (one of l's duties) were gone: the first seat rule that refuses. */
  canTake(l: number, s: number, without = -1): BlockCode {
    const p = this.p;
    if (!lawyer1(p, l, s)) return 1;
    if (!lawyer2(p, l, s)) return 2;
    if (!lawyer3(p, l, s)) return 3;
    if (!lawyer4(p, l, s)) return 4;
    if (!lawyer5(p, l, s)) return 5;
    return this.scheduleAllows(l, s, without);
  }

  /** The part of `canTake` that depends on the lawyer's other duties. */
  scheduleAllows(l: number, s: number, without = -1): BlockCode {
    if (rota6(this, l, s, without)) return 6;
    if (rota7(this, l, s, without)) return 7;
    if (rota8(this, l, s, without)) return 8;
    if (rota9(this, l, s, without)) return 9;
    if (rota10(this, l, s, without)) return 10;
    if (rota11(this, l, s, without)) return 11;
    return BLOCK.ok;
  }

  extraOnDay(key: number): readonly number[] | undefined {
    return this.extraSameDay.get(key);
  }

  assign(seat: number, s: number, l: number, pinned = false): void {
    const p = this.p;
    this.seatLawyer[seat] = l;
    this.seatPinned[seat] = pinned ? 1 : 0;
    const dayKey = l * p.dayCount + p.slotDay[s] - p.firstDay;
    if (this.dayDuty[dayKey] < 0) this.dayDuty[dayKey] = s;
    else {
      const extra = this.extraSameDay.get(dayKey) ?? [];
      extra.push(s);
      this.extraSameDay.set(dayKey, extra);
    }
    this.count(l, s, 1);
    this.lawyerSlots[l].push(s);
  }

  unassign(seat: number, s: number): void {
    const p = this.p;
    const l = this.seatLawyer[seat];
    if (l < 0) return;
    this.seatLawyer[seat] = -1;
    this.seatPinned[seat] = 0;
    const dayKey = l * p.dayCount + p.slotDay[s] - p.firstDay;
    const extra = this.extraSameDay.get(dayKey);
    if (this.dayDuty[dayKey] === s) {
      this.dayDuty[dayKey] = extra?.length ? extra.shift()! : -1;
    } else if (extra) {
      extra.splice(extra.indexOf(s), 1);
    }
    if (extra && extra.length === 0) this.extraSameDay.delete(dayKey);
    this.count(l, s, -1);
    const list = this.lawyerSlots[l];
    list.splice(list.indexOf(s), 1);
  }

  private count(l: number, s: number, delta: number): void {
    const p = this.p;
    this.weekCount[l * p.weekCount + p.slotWeek[s] - p.firstWeek] += delta;
    this.monthCount[l * p.monthCount + p.slotMonth[s] - p.firstMonth] += delta;
    this.duties[l] += delta;
    if (p.slotWeekend[s]) this.weekendDuties[l] += delta;
    if (p.slotEarly[s]) this.earlyDuties[l] += delta;
    if (p.slotLate[s]) this.lateDuties[l] += delta;
    this.postDuties[l * p.posts.length + p.slotPost[s]] += delta;
    this.firmAtPost[p.lawyerFirm[l] * p.posts.length + p.slotPost[s]] += delta;
  }

  /** Current assignments as `[slot, lawyer, pinned]` triples in slot order. */
  *entries(): Generator<[number, number, boolean]> {
    const nS = this.p.slots.length;
    for (let s = 0; s < nS; s++) {
      for (let k = this.seatStart[s]; k < this.seatStart[s + 1]; k++) {
        if (this.seatLawyer[k] >= 0) yield [s, this.seatLawyer[k], this.seatPinned[k] === 1];
      }
    }
  }
}
