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
