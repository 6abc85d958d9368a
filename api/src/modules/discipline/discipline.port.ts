/**
 * What other areas may ask of discipline. Attendance, duty records and feedback report
 * violations through this interface only; the discipline area implements it.
 */
export const VIOLATION_TYPES = [
  'absent',
  'late',
  'left_early',
  'missing_record',
  'complaint_upheld',
  'misconduct',
  'other',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

/** Where a violation came from, so its page can show the evidence. */
export type ViolationEvidence =
  | { kind: 'attendance_event'; eventKey: string }
  | { kind: 'complaint'; feedbackId: string; trackingCode: string }
  | { kind: 'duty_record_missing'; dutyKey: string }
  | { kind: 'note'; text: string };

export interface ViolationReport {
  /**
   * Idempotency key chosen by the reporting area (e.g. `attendance:<event key>`,
   * `records:missing:<dutyKey>`, `feedback:<feedbackId>`): reporting twice creates one violation.
   */
  sourceKey: string;
  lawyerId: string;
  type: ViolationType;
  occurredAt: Date;
  /** The duty concerned, as `dutyKeyOf(duty)` from attendance (rotaId:slotId:lawyerId). */
  dutyKey?: string;
  description: string;
  evidence: ViolationEvidence[];
}

export interface DisciplinePort {
  /** A proposed violation: the lawyer is told and may reply; staff decide later. */
  propose(report: ViolationReport): Promise<{ id: string; created: boolean }>;
  /**
   * A violation already decided upstream (an upheld complaint): recorded as confirmed by
   * `decidedBy` with `reason`, and the rule (warning, then removal) applies at once.
   */
  recordConfirmed(report: ViolationReport & { decidedBy: string; reason: string }): Promise<{ id: string; created: boolean }>;
}
