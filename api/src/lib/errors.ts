import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';

/**
 * An error a caller can act on. `code` is a stable, translatable key (the client maps
 * it to a message in the user's language); `message` is a plain English fallback.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`, 404));
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError(
      'validation_failed',
      'The request is not valid',
      400,
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    );
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError('invalid_id', `Invalid value for ${err.path}`, 400, { path: err.path });
  }
  if (err instanceof mongoose.Error.ValidationError) {
    return new AppError(
      'validation_failed',
      'The record is not valid',
      400,
      Object.values(err.errors).map((e) => ({ path: e.path, message: e.message })),
    );
  }
  const mongoErr = err as { code?: number; keyValue?: Record<string, unknown> };
  if (mongoErr && mongoErr.code === 11000) {
    return new AppError('duplicate', 'A record with this value already exists', 409, {
      fields: Object.keys(mongoErr.keyValue ?? {}),
    });
  }
  const bodyErr = err as BodyParserError;
  if (bodyErr && bodyErr.type === 'entity.too.large') {
    return new AppError('payload_too_large', 'The request body is too large', 413);
  }
  if (bodyErr && bodyErr.type === 'entity.parse.failed') {
    return new AppError('malformed_json', 'The request body is not valid JSON', 400);
  }
  if (bodyErr && typeof bodyErr.status === 'number' && bodyErr.status >= 400 && bodyErr.status < 500) {
    return new AppError('bad_request', bodyErr.message, bodyErr.status);
  }
  return undefined;
}

/** The one error middleware: known errors become 4xx JSON, anything else is a logged 500. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toAppError(err);
  if (known) {
    res.status(known.status).json({
      error: { code: known.code, message: known.message, details: known.details },
    });
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
};
