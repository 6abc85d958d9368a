/**
 * Posts (工作站/岗位). Pure: imports only zod.
 *
 * Routes                                                                    roles
 *   GET   /api/posts       query PostsQuery → Post[]                         authenticated
 *   GET   /api/posts/:id   → Post                                            authenticated
 *   POST  /api/posts       body CreatePostBody → Post (201)                  admin, coordinator
 *   PATCH /api/posts/:id   body UpdatePostBody → Post                        admin, coordinator
 *   POST  /api/posts/:id/deactivate → Post                                   admin, coordinator
 *   POST  /api/posts/:id/activate   → Post                                   admin, coordinator
 * Posts are never deleted: deactivate them. Errors: 409 `post_code_taken`, 404 `post_not_found`.
 */
import { z } from 'zod';
import { channelSchema, districtSchema, postKindSchema, type Channel, type Instant, type PostKind } from './common';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const openingHoursSchema = z
  .object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), start: hhmm, end: hhmm })
  .refine((o) => o.start < o.end, 'start must be before end')
  .refine((o) => new Set(o.days).size === o.days.length, 'days must not repeat');
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const postCodeSchema = z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and dashes');

export const createPostBody = z.object({
  kind: postKindSchema,
  name: z.string().trim().min(1).max(100),
  code: postCodeSchema,
  district: districtSchema,
  address: z.string().trim().min(1).max(200),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
  geofenceRadiusM: z.number().int().min(10).max(5000).default(200),
  timeZone: z.string().default('Asia/Shanghai').refine(isValidTimeZone, 'must be an IANA time zone'),
  openingHours: z.array(openingHoursSchema).max(14).default([]),
  lawyersPerShift: z.number().int().min(1).max(50).default(1),
  channel: channelSchema.default('on_site'),
  opensOnHolidays: z.boolean().default(false),
  opensOnMakeUpDays: z.boolean().default(true),
});
export type CreatePostBody = z.infer<typeof createPostBody>;

export const updatePostBody = z
  .object({
    kind: postKindSchema,
    name: z.string().trim().min(1).max(100),
    code: postCodeSchema,
    district: districtSchema,
    address: z.string().trim().min(1).max(200),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
    geofenceRadiusM: z.number().int().min(10).max(5000),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
    openingHours: z.array(openingHoursSchema).max(14),
    lawyersPerShift: z.number().int().min(1).max(50),
    channel: channelSchema,
    opensOnHolidays: z.boolean(),
    opensOnMakeUpDays: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdatePostBody = z.infer<typeof updatePostBody>;

export const postsQuery = z.object({
  kind: postKindSchema.optional(),
  district: districtSchema.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type PostsQuery = z.infer<typeof postsQuery>;

export interface Post {
  id: string;
  kind: PostKind;
  name: string;
  code: string;
  district: string;
  address: string;
  location: { lat: number; lng: number } | null;
  geofenceRadiusM: number;
  timeZone: string;
  openingHours: OpeningHours[];
  lawyersPerShift: number;
  channel: Channel;
  opensOnHolidays: boolean;
  opensOnMakeUpDays: boolean;
  active: boolean;
  createdAt: Instant;
  updatedAt: Instant;
}
