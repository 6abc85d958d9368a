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

export interface HardRule {
  name: string;
  level: 'hard';
  description: string;
  descriptionZh: string;
  check(view: RotaView): Violation[];
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
