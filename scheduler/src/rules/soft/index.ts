import type { RuleSettings } from '../../model/types';
import type { SoftRule } from '../types';
import { fairDuties, fairEarlyDuties, fairLateDuties, fairWeekendHolidayDuties } from './fairness';
import { dayPreferences, districtPreferences, postPreferences } from './preferences';
import { firmBalance, keepPins, postVariety } from './variety';

export const SOFT_RULES: readonly SoftRule[] = [
  fairDuties,
  fairWeekendHolidayDuties,
  fairEarlyDuties,
  fairLateDuties,
  dayPreferences,
  postPreferences,
  districtPreferences,
  postVariety,
  firmBalance,
  keepPins,
];

export function weightOf(rule: SoftRule, rules: RuleSettings): number {
  return rules.weights[rule.name] ?? rule.defaultWeight;
}

export {
  fairDuties,
  fairWeekendHolidayDuties,
  fairEarlyDuties,
  fairLateDuties,
  dayPreferences,
  postPreferences,
  districtPreferences,
  postVariety,
  firmBalance,
  keepPins,
};
