import { subMonths } from 'date-fns';
import type { LawyerStatus } from '../../contracts/lawyers';

/** How discipline is applied; both figures are server settings. */
export interface DisciplinePolicy {
  /** Days a lawyer has to reply to a proposed violation (ZHIBAN_REPLY_WINDOW_DAYS). */
  replyWindowDays: number;
  /** Months back from now in which confirmed violations count (ZHIBAN_DISCIPLINE_PERIOD_MONTHS). */
  periodMonths: number;
}

export const defaultDisciplinePolicy: DisciplinePolicy = { replyWindowDays: 3, periodMonths: 12 };

/** Confirmed violations inside the counting period; dismissed and proposed ones never count. */
export function countedViolations(violations: { state: string; occurredAt: Date }[], now: Date, periodMonths: number): number {
  const since = subMonths(now, periodMonths);
  return violations.filter((v) => v.state === 'confirmed' && v.occurredAt > since && v.occurredAt <= now).length;
}

/** After a confirmation: the first counted violation warns, the second removes. Null: no change. */
export function statusAfterConfirmation(current: LawyerStatus, counted: number): LawyerStatus | null {
  if (counted >= 2 && (current === 'active' || current === 'warned' || current === 'suspended')) return 'removed';
  if (counted === 1 && current === 'active') return 'warned';
  return null;
}

/**
 * After a reversal: a removal no longer backed by two violations sends the lawyer back to
 * vetting (as reinstatement does); a warning no longer backed by one lifts. Null: no change.
 */
export function statusAfterReversal(current: LawyerStatus, counted: number): LawyerStatus | null {
  if (current === 'removed' && counted < 2) return 'applicant';
  if (current === 'warned' && counted === 0) return 'active';
  return statusAfterConfirmation(current, counted);
}
