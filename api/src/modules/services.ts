import type { Clock } from '../lib/clock';
import { createAuditService } from './audit/audit.service';
import { defaultEligibilityPolicy, type EligibilityPolicy } from './lawyers/eligibility';
import { lawyerExists } from './lawyers/lawyers.repository';
import { createLawyersService } from './lawyers/lawyers.service';
import { createImportsService } from './imports/imports.service';
import { createPostsService } from './posts/posts.service';
import { createAuthService, type SessionPolicy } from './users/auth.service';
import { createUsersService } from './users/users.service';

export interface ServiceOptions {
  clock: Clock;
  session: SessionPolicy;
  eligibility?: EligibilityPolicy;
}

export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 120, absoluteHours: 12 };

/** Wires the areas' services together; routes and the realtime layer receive them from here. */
export function createServices(opts: ServiceOptions) {
  const { clock } = opts;
  const policy = opts.eligibility ?? defaultEligibilityPolicy;
  const audit = createAuditService(clock);
  const auth = createAuthService({ clock, policy: opts.session, audit });
  const users = createUsersService({ clock, audit, lawyerExists });
  const lawyers = createLawyersService({ clock, policy, audit });
  const posts = createPostsService({ audit });
  const imports = createImportsService({ clock, policy, audit });
  return { audit, auth, users, lawyers, posts, imports };
}

export type Services = ReturnType<typeof createServices>;
