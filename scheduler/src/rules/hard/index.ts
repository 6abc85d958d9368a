import type { HardRule } from '../types';
import { lawyerActive, lawyerEligible, lawyerQualified, noLeave, noUnavailability } from './assignmentRules';
import { minimumRest, monthlyCap, noOverlap, oneDutyPerDay, weeklyCap } from './scheduleRules';
import { noOverstaffing, slotFilled } from './slotRules';

export const HARD_RULES: readonly HardRule[] = [
  lawyerActive,
  lawyerEligible,
  lawyerQualified,
  noLeave,
  noUnavailability,
  noOverlap,
  oneDutyPerDay,
  minimumRest,
  weeklyCap,
  monthlyCap,
  noOverstaffing,
  slotFilled,
];

/**
 * The rules that can refuse a lawyer one seat, in the order the solver asks them: first what
 * depends on the lawyer and the slot alone, then what depends on the lawyer's other duties.
 * The first refusal is the reason a seat is not given, as explanations tell it.
 */
export const SEAT_RULES = [
  lawyerActive,
  lawyerEligible,
  lawyerQualified,
  noLeave,
  noUnavailability,
  noOverstaffing,
  oneDutyPerDay,
  noOverlap,
  minimumRest,
  weeklyCap,
  monthlyCap,
] as const;

/** The message codes a seat check refuses with. */
export type SeatCode = (typeof SEAT_RULES)[number]['seat']['code'];

export {
  lawyerActive,
  lawyerEligible,
  lawyerQualified,
  noLeave,
  noUnavailability,
  noOverlap,
  oneDutyPerDay,
  minimumRest,
  weeklyCap,
  monthlyCap,
  noOverstaffing,
  slotFilled,
};
