/**
 * Shared vocabulary of the HTTP API. Pure: imports only zod, so the client can
 * `import type` from here.
 *
 * Errors: every 4xx/5xx answers `ApiErrorBody`. `code` is stable and translatable.
 *   401 unauthenticated · 403 forbidden / password_change_required · 404 not_found ·
 *   400 validation_failed (details: ValidationIssue[]) · 409 conflict codes · 429 too_many_login_attempts
 *
 * Access keywords used in the route lists of every contract file:
 *   public = anyone, no account · authenticated = any signed-in role · otherwise a list of roles.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'coordinator', 'lawyer', 'hotline'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
/** Staff = legal-aid centre people who manage lawyers and posts. */
export const STAFF_ROLES = ['admin', 'coordinator'] as const satisfies readonly Role[];

/** Nanjing's 11 districts plus the city level (市级) for city-wide posts. */
export const DISTRICTS = [
  '玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区', '市级',
] as const;
export const districtSchema = z.string().trim().min(1).max(40);

export const POST_KINDS = ['detention_centre', 'procuratorate', 'court', 'fast_track', 'hotline', 'online'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const postKindSchema = z.enum(POST_KINDS);
export const POST_KIND_LABELS: Record<PostKind, string> = {
  detention_centre: '看守所',
  procuratorate: '检察院',
  court: '法院',
  fast_track: '速裁中心',
  hotline: '热线',
  online: '网络',
};

export const CHANNELS = ['on_site', 'phone', 'video'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);
export const CHANNEL_LABELS: Record<Channel, string> = { on_site: '现场', phone: '电话', video: '网络' };

/** A MongoDB ObjectId as 24 hex characters. */
export const idSchema = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an id');
export const idParams = z.object({ id: idSchema });

/** A calendar day `YYYY-MM-DD`. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date');

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An instant as an ISO 8601 string in UTC. */
export type Instant = string;

/** Who did something, as shown in histories and the audit log. */
export interface ActorRef {
  userId: string;
  username: string;
}
