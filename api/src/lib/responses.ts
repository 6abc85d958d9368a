import { z } from 'zod';

export { apiErrorSchema } from '../contracts/responses/common';

/**
 * Response-schema helpers for the route table, for answers that are not JSON. A route's
 * `schemas.response` is the zod schema of its success body.
 */

const fileTypes = new WeakMap<z.ZodType, string>();

/** A download (spreadsheet, calendar file): the body is the file itself, of this media type. */
export function fileResponse(mediaType: string, description: string): z.ZodType {
  const schema = z.string().meta({ description, format: 'binary' });
  fileTypes.set(schema, mediaType);
  return schema;
}

/** The media type of a file response, or undefined for JSON. */
export function responseMediaType(schema: z.ZodType): string | undefined {
  return fileTypes.get(schema);
}

/** No body (status 204). */
export const noContent = z.undefined().meta({ description: 'No content' });
