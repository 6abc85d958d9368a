import type { Role } from '../contracts/common';

/** The signed-in user a service acts for: recorded in histories and the audit log. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  lawyerId: string | null;
  requestId: string | null;
}
