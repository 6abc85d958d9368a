import type { Problem } from '../model/problem';
import { BLOCK, BLOCK_NAMES, type Schedule } from '../solver/schedule';
import { BLOCK_PHRASES } from './blockMessages';

export type UnfilledCode = 'NO_QUALIFIED_LAWYER' | 'ALL_QUALIFIED_BLOCKED' | 'CANDIDATES_LEFT';

export interface UnfilledSlot {
  slotId: string;
  postId: string;
  day: string;
  localStart: string;
  needed: number;
  assigned: number;
  missing: number;
  code: UnfilledCode;
  /** Active, eligible lawyers qualified for the post's kind and district. */
  qualified: number;
  /** Qualified lawyers kept out, counted once under the first hard rule that refuses them. */
  eliminated: Record<string, number>;
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
  const [message, messageZh] = describe(members.length, eliminated, free, p.posts[p.slotPost[s]]);
  return {
    slotId: slot.id,
    postId: slot.postId,
    day: slot.day,
    localStart: slot.localStart,
    needed: slot.lawyersNeeded,
    assigned,
    missing: slot.lawyersNeeded - assigned,
    code,
    qualified: members.length,
    eliminated,
    message,
    messageZh,
  };
}

function describe(qualified: number, eliminated: Record<string, number>, free: number, post: { kind: string; district: string }): [string, string] {
  if (qualified === 0) {
    return [
      `no active, eligible lawyer is qualified for ${post.kind} posts in ${post.district}`,
      `没有具备${post.district}${post.kind}岗位资格的在册律师`,
    ];
  }
  const parts = Object.entries(eliminated).sort((a, b) => b[1] - a[1]);
  if (parts.length === 1 && free === 0) {
    const phrase = BLOCK_PHRASES[parts[0][0]];
    return [
      `${qualified} qualified lawyer${qualified === 1 ? '' : 's'}, ${qualified === 1 ? '' : 'all '}${phrase.en}`,
      `${qualified}名具备资格的律师均${phrase.zh}`,
    ];
  }
  const en = parts.map(([rule, n]) => `${n} ${BLOCK_PHRASES[rule].en}`);
  const zh = parts.map(([rule, n]) => `${n}名${BLOCK_PHRASES[rule].zh}`);
  if (free > 0) {
    en.push(`${free} free but not placed`);
    zh.push(`${free}名空闲但未安排`);
  }
  return [`${qualified} qualified lawyers: ${en.join(', ')}`, `${qualified}名具备资格的律师：${zh.join('，')}`];
}

export function explainUnfilled(state: Schedule): UnfilledSlot[] {
  const out: UnfilledSlot[] = [];
  for (let s = 0; s < state.p.slots.length; s++) if (state.freeSeat(s) >= 0) out.push(explainUnfilledSlot(state, s));
  return out;
}
