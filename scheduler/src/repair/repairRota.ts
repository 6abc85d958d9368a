import { assignmentsOf, reportOn, type RotaReport } from '../explain/report';
import { buildProblem } from '../model/problem';
import type { Assignment, Rota, RotaInstance } from '../model/types';
import { isOnLeave, isUnavailable } from '../rules/hard/assignmentRules';
import { bestCandidate } from '../solver/candidateCost';
import { SeatFiller } from '../solver/fillSeat';
import { seededPermutation } from '../solver/random';
import { Schedule } from '../solver/schedule';
import { applyRotaChange, type RotaChange } from './applyChange';
import { diffRotas, type RotaDiff } from './rotaDiff';

export interface RepairOptions {
  /** Slots starting before this instant are never changed (defaults to the earliest change). */
  now?: string;
  /** Also validate and explain the repaired rota (default true). */
  report?: boolean;
}

export interface RepairResult extends Partial<RotaReport> {
  /** The instance with the change recorded (leave, unavailability, closure, extra slot). */
  instance: RotaInstance;
  rota: Rota;
  diff: RotaDiff;
}

/**
 * Re-plans only what a change forces: assignments the change makes impossible are
 * dropped, the seats they leave (and any new slot) are refilled — directly by the least
 * busy lawyer who can take them, otherwise by moving as few other duties as possible —
 * and everything else stays as published.
 */
export function repairRota(instance: RotaInstance, rota: Rota, change: RotaChange | RotaChange[], options: RepairOptions = {}): RepairResult {
  let current = { instance, slots: rota.slots };
  let from = Infinity;
  for (const c of Array.isArray(change) ? change : [change]) {
    const next = applyRotaChange(current.instance, current.slots, c);
    current = { instance: next.instance, slots: next.slots };
    from = Math.min(from, next.from);
  }
  const frozenBefore = options.now ? Date.parse(options.now) : from;
  const p = buildProblem(current.instance, current.slots);
  const state = new Schedule(p);
  const pinned = new Set(rota.assignments.filter((a) => a.pinned).map((a) => `${a.slotId}|${a.lawyerId}`));

  for (const a of rota.assignments) {
    const s = p.slotIndex.get(a.slotId);
    const l = p.lawyerIndex.get(a.lawyerId);
    if (s === undefined || l === undefined) continue;
    const frozen = p.slotStart[s] < frozenBefore;
    if (!frozen && (isOnLeave(p, l, s) || isUnavailable(p, l, s))) continue;
    const seat = state.freeSeat(s);
    if (seat >= 0) state.assign(seat, s, l, frozen || a.pinned === true);
  }

  const known = new Set(rota.assignments.map((a) => a.slotId));
  const oldSlots = new Set(rota.slots.map((slot) => slot.id));
  const filledBefore = new Map<string, number>();
  for (const a of rota.assignments) filledBefore.set(a.slotId, (filledBefore.get(a.slotId) ?? 0) + 1);
  const rank = seededPermutation(p.lawyers.length, p.instance.seed);
  const filler = new SeatFiller(state);
  for (let s = 0; s < p.slots.length; s++) {
    if (p.slotStart[s] < frozenBefore) continue;
    const slot = p.slots[s];
    const isNew = !oldSlots.has(slot.id);
    // Seats empty before the change stay the planner's business; only vacated or new ones are refilled.
    let toFill = isNew ? slot.lawyersNeeded : Math.min(filledBefore.get(slot.id) ?? 0, slot.lawyersNeeded) - state.lawyersIn(s).length;
    if (!isNew && !known.has(slot.id)) toFill = 0;
    for (; toFill > 0; toFill--) {
      const seat = state.freeSeat(s);
      if (seat < 0) break;
      const l = bestCandidate(state, s, rank);
      if (l >= 0) state.assign(seat, s, l);
      else if (!filler.fill(s)) break;
    }
  }

  const assignments: Assignment[] = assignmentsOf(state).map(({ slotId, lawyerId }) =>
    pinned.size > 0 && pinned.has(`${slotId}|${lawyerId}`) ? { slotId, lawyerId, pinned: true } : { slotId, lawyerId },
  );
  const repaired: Rota = { period: rota.period, seed: rota.seed, slots: p.slots, assignments };
  const diff = diffRotas(rota.assignments, assignments, rota.slots.map((s) => s.id), p.slots.map((s) => s.id));
  const report = options.report === false ? {} : reportOn(p, state, assignments);
  return { instance: current.instance, rota: repaired, diff, ...report };
}
