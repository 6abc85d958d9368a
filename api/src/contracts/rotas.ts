/**
 * Rotas (排班): drafts planned by the engine, reviewed and edited by staff, published as
 * versions; changes after publishing are amendments. Pure: imports only zod (and types).
 *
 * Routes                                                                               roles
 *   GET   /api/rotas                      query RotasQuery → RotaSummary[]            admin, coordinator
 *   POST  /api/rotas/drafts               body CreateDraftBody → PlanningStarted (202) admin, coordinator
 *   GET   /api/rotas/:id                  → RotaDetail                                admin, coordinator
 *   GET   /api/jobs/:id                   → JobView                                   admin, coordinator
 *   POST  /api/rotas/:id/replan           body ReplanBody → PlanningStarted (202)     admin, coordinator
 *   POST  /api/rotas/:id/check            body EditBody → EditCheck (nothing saved)   admin, coordinator
 *   PATCH /api/rotas/:id/assignments      body EditBody → RotaDetail                  admin, coordinator
 *   POST  /api/rotas/:id/publish          body PublishBody → PublishStarted (202)     admin, coordinator
 *   GET   /api/rotas/:id/versions         → RotaVersionSummary[]                      admin, coordinator
 *   GET   /api/rotas/:id/export.xlsx      → the month as centres print it             admin, coordinator
 *   GET   /api/rotas/calendar-conflicts   → CalendarConflict[] (published duties a calendar change affects) admin, coordinator
 *   POST  /api/rotas/:id/calendar-repair  → CalendarRepairResult (an amendment)       admin, coordinator
 *   GET   /api/duties/mine                query DutiesQuery → Duty[]                  lawyer
 *   GET   /api/duties                     query DutiesQuery → Duty[]                  admin, coordinator, hotline
 * Socket.IO: staff join room `job:<id>` with `job:watch`; events `job:update` (JobView).
 * Errors: 409 `rota_conflict` (someone saved first; details: { revision }), 409 `rule_violation`
 * (details: Violation[]), 409 `rota_overlaps` (another rota covers a post in the period),
 * 409 `not_draft`/`not_published`, 400 `amendment_reason_required`, 409 `calendar_not_loaded`
 * (details: { years }) when a year of the period has no official holiday schedule and the
 * request did not set `confirmMissingCalendar`.
 */
import { z } from 'zod';
import { daySchema, idSchema, type Instant } from './common';

export const ROTA_STATUSES = ['planning', 'draft', 'published', 'archived'] as const;
export type RotaStatus = (typeof ROTA_STATUSES)[number];

export const createDraftBody = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    from: daySchema,
    to: daySchema,
    postIds: z.array(idSchema).min(1).max(1000),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    /** Plan although a year of the period has no official holiday schedule loaded. */
    confirmMissingCalendar: z.boolean().optional(),
  })
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['to'] })
  .refine((b) => (Date.parse(b.to) - Date.parse(b.from)) / 86_400_000 <= 92, { message: 'at most three months at once', path: ['to'] });
export type CreateDraftBody = z.infer<typeof createDraftBody>;

export const replanBody = z.object({
  /** Keep pinned assignments and re-plan the rest. */
  revision: z.number().int().min(0),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type ReplanBody = z.infer<typeof replanBody>;

/** Set the lawyers of one slot (replacing its assignment), pin or unpin them. */
export const slotEditSchema = z.object({
  slotId: z.string().min(1).max(120),
  lawyerIds: z.array(idSchema).max(50),
  pinned: z.boolean().optional(),
});
export type SlotEdit = z.infer<typeof slotEditSchema>;

export const editBody = z.object({
  revision: z.number().int().min(0),
  edits: z.array(slotEditSchema).min(1).max(500),
  /** Required once the rota is published: the edit becomes an amendment. */
  reason: z.string().trim().min(2).max(500).optional(),
});
export type EditBody = z.infer<typeof editBody>;

export const publishBody = z.object({
  revision: z.number().int().min(0),
  note: z.string().trim().max(500).optional(),
  /** Publish although a year of the period has no official holiday schedule loaded. */
  confirmMissingCalendar: z.boolean().optional(),
});
export type PublishBody = z.infer<typeof publishBody>;

export const rotasQuery = z.object({
  status: z.enum(ROTA_STATUSES).optional(),
  /** Rotas overlapping this month `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});
export type RotasQuery = z.infer<typeof rotasQuery>;

export const dutiesQuery = z.object({
  from: daySchema,
  to: daySchema,
  lawyerId: idSchema.optional(),
  postId: idSchema.optional(),
});
export type DutiesQuery = z.infer<typeof dutiesQuery>;

export interface RotaSlot {
  id: string;
  postId: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Instant;
  end: Instant;
  lawyersNeeded: number;
  holiday: boolean;
  makeUpDay: boolean;
  weekendOrHoliday: boolean;
  lawyerIds: string[];
  pinnedLawyerIds: string[];
}

export interface RotaViolation {
  rule: string;
  slotId?: string;
  lawyerId?: string;
  message: string;
}

export interface UnfilledExplanation {
  slotId: string;
  missing: number;
  code: string;
  message: string;
  /** The engine's reason as a code with parameters, for the reader's language. */
  reason?: { code: string; params: Record<string, string | number> };
  counts: Record<string, number>;
}

export interface LawyerFairnessRow {
  lawyerId: string;
  duties: number;
  weekendOrHoliday: number;
  early: number;
  late: number;
}

export interface RotaFiguresView {
  slots: number;
  seats: number;
  filled: number;
  unfilled: number;
  hardViolations: number;
  spread: number;
  weekendSpread: number;
  /** Lower bounds no rota filling as many seats can beat, and whether both are met. */
  spreadLowerBound?: number;
  weekendSpreadLowerBound?: number;
  optimal?: boolean;
}

export interface RotaExplanations {
  unfilled: UnfilledExplanation[];
  softGoalsMissed: { rule: string; target: number; actual: number; missedBy: number; details: string[] }[];
  fairness: LawyerFairnessRow[];
  figures: RotaFiguresView;
  violations: RotaViolation[];
}

export interface RotaSummary {
  id: string;
  name: string;
  from: string;
  to: string;
  postIds: string[];
  status: RotaStatus;
  revision: number;
  publishedVersion: number | null;
  figures: RotaFiguresView | null;
  planningJobId: string | null;
  updatedAt: Instant;
}

export interface LawyerRef {
  id: string;
  name: string;
  firm: string;
  licenceNumber: string;
}

export interface RotaDetail extends RotaSummary {
  slots: RotaSlot[];
  explanations: RotaExplanations | null;
  /** Names for every lawyer the slots mention or who could serve. */
  lawyers: Record<string, LawyerRef>;
  posts: Record<string, { id: string; name: string; code: string; district: string; kind: string }>;
}

export interface PlanningStarted {
  rotaId: string;
  jobId: string;
}

export interface PublishStarted {
  rotaId: string;
  jobId: string;
  version: number;
}

export interface JobView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number; phase: string };
  error: string | null;
  result: unknown;
}

export interface EditCheck {
  ok: boolean;
  violations: RotaViolation[];
}

export interface RotaVersionSummary {
  version: number;
  publishedAt: Instant;
  publishedBy: string;
  reason: string | null;
  changes: { slotId: string; removed: string[]; added: string[] }[];
}

export interface Duty {
  rotaId: string;
  version: number;
  slotId: string;
  postId: string;
  postName: string;
  postCode: string;
  lawyerId: string;
  lawyerName: string;
  day: string;
  localStart: string;
  localEnd: string;
  start: Instant;
  end: Instant;
}

export interface CalendarConflictSlot {
  slotId: string;
  postId: string;
  day: string;
  localStart: string;
  localEnd: string;
  lawyerIds: string[];
}

/** A published rota that no longer matches the holiday calendar, from today on. */
export interface CalendarConflict {
  rotaId: string;
  name: string;
  from: string;
  to: string;
  /** Published duties on shifts the calendar no longer has (e.g. a day that became a holiday). */
  removed: CalendarConflictSlot[];
  /** Shifts the calendar now has that the rota lacks (e.g. a new make-up working day). */
  added: CalendarConflictSlot[];
}

export interface CalendarRepairResult {
  rotaId: string;
  version: number;
  changed: number;
}
