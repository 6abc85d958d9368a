import type { Problem } from '../model/problem';
import { BLOCK, BLOCK_NAMES, type Schedule } from '../solver/schedule';
import { renderMessage, type EngineMessage } from './messages';

export type UnfilledCode = 'NO_QUALIFIED_LAWYER' | 'ALL_QUALIFIED_BLOCKED' | 'CANDIDATES_LEFT';

export interface UnfilledSlot {
  slotId: string;
  postId: string;
  day: string;
  localStart: string;
  localEnd: string;
  needed: number;
  assigned: number;
  missing: number;
  code: UnfilledCode;
  /** Active, eligible lawyers qualified for the post's kind and district. */
  qualified: number;
  /** Qualified lawyers kept out, counted once under the first hard rule that refuses them. */
  eliminated: Record<string, number>;
  /** The reason as a code with parameters, for the reader's language; the two sentences below render it. */
  reason: EngineMessage;
  message: string;
  messageZh: string;
}

/** Why a slot is short of lawyers: how many could have served and what kept each one out. */
export function explainUnfilledSlot(state: Schedule, s: number): UnfilledSlot {
  const p: Problem = state.p;
  const slot = p.slots[s];
  const assigned = state.lawyersIn(s).length;
  const members = p.groupMembers[p.slotGroup[s]];
  const eliminated: Record<string, number> = {};
  let free = 0;
  for (const l of members) {
    const code = state.canTake(l, s);
    if (code === BLOCK.ok) free++;
    else eliminated[BLOCK_NAMES[code]] = (eliminated[BLOCK_NAMES[code]] ?? 0) + 1;
  }
  const code: UnfilledCode = members.length === 0 ? 'NO_QUALIFIED_LAWYER' : free === 0 ? 'ALL_QUALIFIED_BLOCKED' : 'CANDIDATES_LEFT';
  const reason = reasonFor(members.length, eliminated, free, p.posts[p.slotPost[s]]);
  return {
    slotId: slot.id,
    postId: slot.postId,
    day: slot.day,
    localStart: slot.localStart,
    localEnd: slot.localEnd,
    needed: slot.lawyersNeeded,
    assigned,
    missing: slot.lawyersNeeded - assigned,
    code,
    qualified: members.length,
    eliminated,
    reason,
    message: renderMessage(reason, 'en'),
    messageZh: renderMessage(reason, 'zh-CN'),
  };
}

function reasonFor(qualified: number, eliminated: Record<string, number>, free: number, post: { kind: string; district: string }): EngineMessage {
  if (qualified === 0) return { code: 'UNFILLED_NO_QUALIFIED', params: { kind: post.kind, district: post.district } };
  const parts = Object.entries(eliminated).sort((a, b) => b[1] - a[1]);
  if (parts.length === 1 && free === 0) return { code: 'UNFILLED_ALL_BLOCKED', params: { qualified, rule: parts[0][0] } };
  return { code: 'UNFILLED_MIXED', params: { qualified, free, eliminated: parts.map(([rule, n]) => `${rule}:${n}`).join(',') } };
}

export function explainUnfilled(state: Schedule): UnfilledSlot[] {
  const out: UnfilledSlot[] = [];
  for (let s = 0; s < state.p.slots.length; s++) if (state.freeSeat(s) >= 0) out.push(explainUnfilledSlot(state, s));
  return out;
}
