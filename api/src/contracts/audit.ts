/**
 * The audit log of staff changes. Pure: imports only zod.
 *
 * Routes
 *   GET /api/audit   query AuditQuery → Paginated<AuditEntry>   admin
 *
 * Newest first. Password hashes never appear; phone and ID numbers may, since only
 * admins read the log.
 */
import { z } from 'zod';
import { idSchema, paginationQuery, roleSchema, type Instant, type Role } from './common';

/** Entity types written by this area; other areas add theirs (any lower-case word). */
export const AUDIT_ENTITY_TYPES = ['lawyer', 'post', 'user', 'import', 'rota', 'calendar', 'absence', 'swap'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number] | (string & {});

/** Actions written so far; later areas add their own `<entity>.<verb>` actions. */
export const AUDIT_ACTIONS = [
  'lawyer.create', 'lawyer.update', 'lawyer.assessment_set', 'lawyer.assessment_remove',
  'lawyer.attestation_set', 'lawyer.complaint_add', 'lawyer.complaint_update',
  'lawyer.vetting', 'lawyer.status_change', 'lawyer.import', 'lawyer.eligibility_reevaluated',
  'post.create', 'post.update', 'post.deactivate', 'post.activate',
  'user.create', 'user.update', 'user.password_reset', 'user.password_change',
  'import.preview', 'import.confirm',
] as const;

const instantParam = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date or ISO instant');

export const auditQuery = paginationQuery.extend({
  actorId: idSchema.optional(),
  entityType: z.string().regex(/^[a-z][a-z_]{0,31}$/, 'must be an entity type such as lawyer').optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  /** Inclusive lower bound (ISO instant or YYYY-MM-DD, read as UTC midnight). */
  from: instantParam.optional(),
  /** Exclusive upper bound. */
  to: instantParam.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditEntry {
  id: string;
  at: Instant;
  actor: { userId: string; username: string; role: Role };
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  note: string | null;
}

export const auditRoleSchema = roleSchema;
