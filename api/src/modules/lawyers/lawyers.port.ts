import type { LawyerFields } from './lawyers.repository';

export type { EligibilityPolicy } from './eligibility';
export type { LawyerFields };

/** What the import area may do to the lawyers register: find who is there and add applicants. */
export interface LawyerRegistry {
  /** The licence numbers among `numbers` already registered. */
  registeredLicenceNumbers(numbers: string[]): Promise<Set<string>>;
  /** Inserts the rows whose licence number is new (a row written twice creates nobody twice); returns those inserted. */
  insertApplicantsIfAbsent(rows: LawyerFields[], at: Date): Promise<{ id: string; name: string; licenceNumber: string }[]>;
  /** How many lawyers one import created. */
  countFromImport(importId: string): Promise<number>;
}

/** Whether a lawyer may still take duties: leave, swaps and check-ins refuse one removed from the roster (已清退). */
export interface LawyerStanding {
  /** Refuses a removed lawyer (403 `lawyer_removed`), read by primary key. */
  assertMayServe(lawyerId: string): Promise<void>;
  /** The same for the check-in hot path: from a set of removed lawyers re-read at most every few seconds. */
  assertMayCheckIn(lawyerId: string): Promise<void>;
}
