import type { Problem } from '../model/problem';

export interface Violation {
  rule: string;
  slotId?: string;
  lawyerId?: string;
  otherSlotId?: string;
  message: string;
  messageZh: string;
}

/** A rota seen through the problem's indexes: who sits in which slot, and each lawyer's duties. */
export interface RotaView {
  problem: Problem;
  /** Lawyer indices per slot. */
  bySlot: number[][];
  /** Slot indices per lawyer, in start order. */
  byLawyer: number[][];
  /** Limits checking to these lawyers and slots (all when absent) — used for live checks. */
  lawyersToCheck?: number[];
  slotsToCheck?: number[];
  /** Whether a lawyer could be added to a slot without breaking any hard rule. */
  couldAdd(lawyer: number, slot: number): boolean;
}

/**
 * What a seat check may read of a rota under construction (the solver's schedule offers it):
 * the slot a lawyer holds on each local day and duty counts per week and month, indexed by
 * lawyer and day, week or month as offsets from the problem's first one.
 */
export interface SeatState {
  readonly p: Problem;
  /** The slot lawyer `l` holds on day `d`, at `l * p.dayCount + d - p.firstDay`; -1 when none. */
  readonly dayDuty: Int32Array;
  readonly weekCount: Uint16Array;
  readonly monthCount: Uint16Array;
  /** Days either side of a duty on which another duty can overlap it or cut its rest short. */
  readonly span: number;
  /** Same-day duties beyond the one `dayDuty` holds (only hand-made rotas have them), by the same key. */
  extraOnDay(key: number): readonly number[] | undefined;
}

/**
 * How a hard rule keeps one lawyer out of one seat, in the form the solver asks it millions of
 * times. The solver asks the rules in `SEAT_RULES` order and the first refusal is the reason;
 * each check may take for granted that the rules before it allowed. A check gives exactly one
 * of `allows` (rules about the lawyer and the slot alone) and `refuses` (rules about the
 * lawyer's other duties).
 */
export interface SeatCheck<Code extends string = string> {
  /** The message code of the refusal: what explanations count and clients translate. */
  code: Code;
  /** The refusal as a sentence part ("2 qualified lawyers, all on leave"). */
  phrase: { en: string; zh: string };
  /** Whether the rule lets lawyer `l` take slot `s`, whatever else the rota holds. */
  allows?: (p: Problem, l: number, s: number) => boolean;
  /** Whether the rule refuses lawyer `l` for slot `s`, as if `without` (one of l's duties, or -1) were gone. */
  refuses?: (state: SeatState, l: number, s: number, without: number) => boolean;
}

export interface HardRule {
  name: string;
  level: 'hard';
  description: string;
  descriptionZh: string;
  check(view: RotaView): Violation[];
  /** The rule's check for one seat, when it can refuse a lawyer a seat (rules about whole slots cannot). */
  seat?: SeatCheck;
}

/** Day key of lawyer `l` on slot `s`'s local day, as `SeatState.dayDuty` is indexed. */
export function dayKey(p: Problem, l: number, s: number): number {
  return l * p.dayCount + p.slotDay[s] - p.firstDay;
}

export interface SoftOutcome {
  /** Weighted penalty contribution is `penalty * weight`. */
  penalty: number;
  /** What the goal asks for and what the rota achieves, as plain figures. */
  target: number;
  actual: number;
  details: string[];
}

export interface SoftRule {
  name: string;
  level: 'soft';
  defaultWeight: number;
  description: string;
  descriptionZh: string;
  evaluate(view: RotaView): SoftOutcome;
}

export function lawyersOf(view: RotaView): Iterable<number> {
  return view.lawyersToCheck ?? view.byLawyer.keys();
}

export function slotsOf(view: RotaView): Iterable<number> {
  return view.slotsToCheck ?? view.bySlot.keys();
}

export function ids(view: RotaView, slot: number, lawyer?: number, other?: number) {
  const p = view.problem;
  return {
    slotId: p.slots[slot].id,
    ...(lawyer === undefined ? {} : { lawyerId: p.lawyers[lawyer].id }),
    ...(other === undefined ? {} : { otherSlotId: p.slots[other].id }),
  };
}

const KIND_ZH: Record<string, string> = {
  detention_centre: '看守所',
  procuratorate: '检察院',
  court: '法院',
  fast_track: '速裁中心',
  hotline: '热线',
  online: '网络值班',
};

/** A slot as people name it in messages: the post's name, the local day and start time. */
export function slotLabel(p: Problem, s: number): string {
  const slot = p.slots[s];
  return `${p.posts[p.slotPost[s]]?.name ?? slot.postId} ${slot.day} ${slot.localStart}`;
}

/** A post kind in Chinese, for messages. */
export function kindZh(kind: string): string {
  return KIND_ZH[kind] ?? kind;
}
