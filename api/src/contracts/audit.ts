/**
 * The audit log of staff changes. Pure: imports only zod.
 *
 * Routes
 *   GET /api/audit   query AuditQuery → AuditPage (entries and the names of what they mention)   admin
 *
 * Newest first. Password hashes never appear; phone and ID numbers may, since only
 * admins read the log.
 */
import { z } from 'zod';
import { idSchema, paginationQuery, roleSchema, type Instant, type Paginated, type Role } from './common';

/** Kinds of object changes are recorded about; a test checks every one written has a label. */
export const AUDIT_ENTITY_TYPES = [
  'lawyer', 'post', 'user', 'import', 'rota', 'calendar', 'absence', 'swap', 'checkin',
  'violation', 'feedback', 'hotline_call', 'fast_track_case', 'records_settings', 'subsidy_month', 'subsidy_rates',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number] | (string & {});

/** Every action written (`<entity>.<verb>`); a test scans the server for actions missing here. */
export const AUDIT_ACTIONS = [
  'lawyer.create', 'lawyer.update', 'lawyer.assessment_set', 'lawyer.assessment_remove',
  'lawyer.attestation_set', 'lawyer.complaint_add', 'lawyer.complaint_update',
  'lawyer.vetting', 'lawyer.status_change', 'lawyer.import', 'lawyer.eligibility_reevaluated',
  'post.create', 'post.update', 'post.deactivate', 'post.activate', 'post.patterns',
  'user.create', 'user.update', 'user.password_reset', 'user.password_change',
  'import.preview', 'import.confirm',
  'rota.draft', 'rota.replan', 'rota.edit', 'rota.amend', 'rota.publish', 'rota.calendar_repair',
  'calendar.day',
  'absence.approve', 'absence.reject',
  'swap.approve', 'swap.reject',
  'checkin.settings', 'checkin.kiosk_token', 'checkin.countersign_pin', 'checkin.undo_checkout',
  'violation.create', 'violation.record_confirmed', 'violation.confirm', 'violation.dismiss', 'violation.reverse',
  'feedback.log', 'feedback.accept', 'feedback.reject', 'feedback.handle', 'feedback.conclude',
  'hotline.call',
  'fast_track.register', 'records.settings_update', 'subsidy.lock', 'subsidy.rates_update',
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

/** A page of the log, with display names for the ids its entries mention (lawyers, posts, users, rotas). */
export interface AuditPage extends Paginated<AuditEntry> {
  names: Record<string, string>;
}
