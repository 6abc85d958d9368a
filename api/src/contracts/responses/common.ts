/**
 * Response schemas (zod) of the HTTP API: the route table names them in `schemas.response`,
 * the OpenAPI document at /api/openapi.json is generated from them, and tests check every
 * answer against them. Each is typed against the contract's interface, so the two cannot drift.
 * Pure: imports only zod and the contracts.
 */
import { z } from 'zod';
import { ROLES, POST_KINDS, CHANNELS, type ActorRef } from '../common';

/** Every error answers this shape; `code` is stable and translatable. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'stable, translatable error code, e.g. validation_failed, forbidden' }),
      message: z.string().meta({ description: 'plain English fallback' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

/** An ISO 8601 instant in UTC. */
export const instant = z.string().meta({ format: 'date-time' });
/** A calendar day YYYY-MM-DD. */
export const calendarDay = z.string().meta({ format: 'date' });
/** A local time of day HH:mm. */
export const timeOfDay = z.string().meta({ pattern: '^\\d{2}:\\d{2}$' });
export const roleOut = z.enum(ROLES);
export const postKindOut = z.enum(POST_KINDS);
export const channelOut = z.enum(CHANNELS);

export const actorRefSchema: z.ZodType<ActorRef> = z.object({ userId: z.string(), username: z.string() });

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Parameters of a translatable message. */
export const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));
