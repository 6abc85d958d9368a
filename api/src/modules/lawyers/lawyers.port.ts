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
