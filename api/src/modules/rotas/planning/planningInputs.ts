import type { Post } from '../../../contracts/posts';
import type { PostKind } from '../../../contracts/common';
import type { LawyerStatus as DossierStatus } from '../../../contracts/lawyers';

/** What planning needs to know about a lawyer, from the lawyers area. */
export interface PlanningLawyer {
  id: string;
  name: string;
  firm: string;
  licenceNumber: string;
  status: DossierStatus;
  eligible: boolean;
  districts: string[];
  postKinds: PostKind[];
}

/** Approved leave or unavailability, from the absences area. */
export interface PlanningAbsence {
  lawyerId: string;
  kind: 'leave' | 'unavailable';
  from: string;
  to: string;
}

/** The other areas as planning sees them; wired in modules/services.ts. */
export interface PlanningDirectory {
  postsByIds(ids: string[]): Promise<Post[]>;
  lawyers(): Promise<PlanningLawyer[]>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
  absences(from: string, to: string): Promise<PlanningAbsence[]>;
}
