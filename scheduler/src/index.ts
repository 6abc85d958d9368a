/**
 * zhiban rota engine — the one entry point. Pure: no I/O, no clock, no hidden randomness;
 * the calendar, the current instant (`now`) and the seed are all inputs.
 */
export type {
  Absence,
  Assignment,
  ExtraSlot,
  HolidayCalendar,
  Lawyer,
  LawyerPreferences,
  LawyerStatus,
  Period,
  Post,
  PostKind,
  Rota,
  RotaInstance,
  RuleSettings,
  ShiftPattern,
  Slot,
} from './model/types';
export { POST_KINDS } from './model/types';
export { DEFAULT_RULES, resolveRules } from './model/defaults';
export { rotaInstanceSchema, parseRotaInstance, type InstanceIssue } from './input/instanceSchema';

export { expandSlots, slotId } from './recurrence/expandSlots';
export { expandPatternDays, parseRule, patternSpanEnd } from './recurrence/expandPattern';
export {
  checkPattern,
  checkRule,
  checkDay,
  checkTimeZone,
  normalizeRule,
  duplicateShifts,
  PLANNABLE_YEARS,
  MATCH_HORIZON_YEARS,
  type PatternToCheck,
} from './recurrence/checkPattern';
export { renderMessage, EngineError, MESSAGE_CODES, KIND_NAMES, type EngineMessage, type Lang, type MessageParams } from './explain/messages';
export { describePatternZh } from './recurrence/describePattern';
export { addDays, isoWeekday, daysBetween } from './time/localDay';
export { wallTimeToInstant } from './time/zonedTime';

export { chinaHolidayCalendar, CHINA_HOLIDAY_YEARS, isHolidayYearLoaded } from './calendar/chinaHolidays';
export { mergeCalendarOverrides, dayType, type CalendarOverrides, type DayType } from './calendar/overrides';

export { HARD_RULES } from './rules/hard';
export { SOFT_RULES } from './rules/soft';
export type { HardRule, SoftRule, Violation } from './rules/types';

export { planRota, type PlanResult } from './plan/planRota';
export type { SolveOptions, PlanStage } from './solver/solve';
export type { PinConflict } from './explain/pinConflicts';

export { validateRota, type ValidationReport, type RotaToCheck } from './validate/validateRota';
export { checkAssignment, createAssignmentChecker, type ProposedChange, type AssignmentCheck } from './validate/checkAssignment';
export type { SoftGoalReport } from './validate/scoreRota';

export { repairRota, type RepairOptions, type RepairResult } from './repair/repairRota';
export { slotsChangedByCalendar, type RotaChange } from './repair/applyChange';
export type { RotaDiff } from './repair/rotaDiff';

export type { UnfilledSlot, UnfilledCode } from './explain/explainUnfilled';
export type { FairnessSummary, LawyerFairness } from './explain/fairnessSummary';
export type { RotaFigures, RotaReport, SoftGoalMissed } from './explain/report';
