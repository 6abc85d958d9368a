import { buildProblem, type Problem } from '../model/problem';
import type { Assignment, RotaInstance } from '../model/types';
import { expandSlots } from '../recurrence/expandSlots';
import { HARD_RULES } from '../rules/hard';
import type { Violation } from '../rules/types';
import { buildView, loadSchedule } from './rotaView';
import type { RotaToCheck } from './validateRota';

export type ProposedChange =
  | { type: 'assign'; slotId: string; lawyerId: string }
  | { type: 'unassign'; slotId: string; lawyerId: string }
  | { type: 'replace'; slotId: string; fromLawyerId: string; toLawyerId: string }
  /** Two lawyers trade their duties. */
  | { type: 'swap'; first: { slotId: string; lawyerId: string }; second: { slotId: string; lawyerId: string } };

export interface AssignmentCheck {
  allowed: boolean;
  /** Hard-rule violations the change would introduce (existing ones are not repeated). */
  violations: Violation[];
}

/**
 * Prepares live checks of proposed changes to one rota (drag-and-drop edits, swap
 * approvals): the rota is indexed once, each check looks only at the lawyers and slots
 * the change touches.
 */
export function createAssignmentChecker(instance: RotaInstance, rota: RotaToCheck): (change: ProposedChange) => AssignmentCheck {
  const problem = buildProblem(instance, rota.slots ?? expandSlots(instance));
  const before = rota.assignments;
  return (change) => checkAgainst(problem, before, change);
}

export function checkAssignment(instance: RotaInstance, rota: RotaToCheck, change: ProposedChange): AssignmentCheck {
  return createAssignmentChecker(instance, rota)(change);
}

function checkAgainst(p: Problem, before: Assignment[], change: ProposedChange): AssignmentCheck {
  const after = applyChange(before, change);
  const lawyerIds = touchedLawyers(change);
  const slotIds = touchedSlots(change);
  const unknown: Violation[] = [];
  for (const id of lawyerIds) if (!p.lawyerIndex.has(id)) unknown.push(reference('lawyer', id));
  for (const id of slotIds) if (!p.slotIndex.has(id)) unknown.push(reference('slot', id));
  if (unknown.length) return { allowed: false, violations: unknown };
  const focus = { lawyers: lawyerIds.map((id) => p.lawyerIndex.get(id)!), slots: slotIds.map((id) => p.slotIndex.get(id)!) };
  const seen = new Set(violationsOf(p, before, focus).map(key));
  const introduced = violationsOf(p, after, focus).filter((v) => !seen.has(key(v)));
  if (change.type === 'swap' && p.rules.swapRequiresSameFirm) {
    const a = p.lawyers[p.lawyerIndex.get(change.first.lawyerId)!];
    const b = p.lawyers[p.lawyerIndex.get(change.second.lawyerId)!];
    if (a.firmId !== b.firmId) {
      introduced.push({
        rule: 'swapSameFirm',
        slotId: change.first.slotId,
        lawyerId: b.id,
        message: `swaps here must be between lawyers of the same firm (${a.firmId} ≠ ${b.firmId})`,
        messageZh: `本地要求换班双方属于同一律师事务所（${a.firmId} ≠ ${b.firmId}）`,
      });
    }
  }
  return { allowed: introduced.length === 0, violations: introduced };
}

function violationsOf(p: Problem, assignments: Assignment[], focus: { lawyers: number[]; slots: number[] }): Violation[] {
  const { state } = loadSchedule(p, assignments);
  const view = buildView(p, assignments, state, focus);
  return HARD_RULES.flatMap((rule) => rule.check(view));
}

function key(v: Violation): string {
  return `${v.rule}|${v.slotId ?? ''}|${v.lawyerId ?? ''}|${v.otherSlotId ?? ''}`;
}

function reference(kind: 'lawyer' | 'slot', id: string): Violation {
  return {
    rule: 'knownReferences',
    ...(kind === 'slot' ? { slotId: id } : { lawyerId: id }),
    message: `unknown ${kind} ${id}`,
    messageZh: kind === 'slot' ? `班次${id}不存在` : `律师${id}不存在`,
  };
}

function touchedLawyers(change: ProposedChange): string[] {
  switch (change.type) {
    case 'assign':
    case 'unassign':
      return [change.lawyerId];
    case 'replace':
      return [change.fromLawyerId, change.toLawyerId];
    case 'swap':
      return [change.first.lawyerId, change.second.lawyerId];
  }
}

function touchedSlots(change: ProposedChange): string[] {
  return change.type === 'swap' ? [change.first.slotId, change.second.slotId] : [change.slotId];
}

function without(list: Assignment[], slotId: string, lawyerId: string): Assignment[] {
  return list.filter((a) => !(a.slotId === slotId && a.lawyerId === lawyerId));
}

export function applyChange(list: Assignment[], change: ProposedChange): Assignment[] {
  switch (change.type) {
    case 'assign':
      return [...list, { slotId: change.slotId, lawyerId: change.lawyerId }];
    case 'unassign':
      return without(list, change.slotId, change.lawyerId);
    case 'replace':
      return [...without(list, change.slotId, change.fromLawyerId), { slotId: change.slotId, lawyerId: change.toLawyerId }];
    case 'swap': {
      const { first, second } = change;
      return [
        ...without(without(list, first.slotId, first.lawyerId), second.slotId, second.lawyerId),
        { slotId: second.slotId, lawyerId: first.lawyerId },
        { slotId: first.slotId, lawyerId: second.lawyerId },
      ];
    }
  }
}
