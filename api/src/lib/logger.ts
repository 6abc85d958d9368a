import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

const CENSOR = '[redacted]';

/**
 * What a log line must never carry: session cookies, the login's Set-Cookie, authorization
 * and kiosk-token headers, passwords and one-time codes (countersign PINs, six-digit codes),
 * wherever a body or an error detail holds them. A token copied from a log opens a session.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-kiosk-token"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-kiosk-token"]',
  ...['password', 'currentPassword', 'newPassword', 'temporaryPassword', 'pin', 'countersignPin', 'shortCode', 'token', 'code', 'payload'].flatMap((key) => [
    `body.${key}`,
    `req.body.${key}`,
    `*.body.${key}`,
    `err.details.${key}`,
  ]),
];

/** Capability URLs (calendar feeds) name their secret in the path. */
export function redactUrl(url: string): string {
  return url.replace(/\/ical\/[^/?#]+/g, `/ical/${CENSOR}`);
}

/**
 * JSON log lines (one per event, request ids included); on an interactive terminal outside
 * production they are pretty-printed for people reading the console. `destination` lets
 * tests read what would be written.
 */
export function createLogger(
  level: string,
  pretty = Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production',
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = { level, base: { app: 'zhiban' }, redact: { paths: REDACTED_PATHS, censor: CENSOR } };
  if (pretty && !destination) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app,req,res,responseTime' } },
    });
  }
  return destination ? pino(options, destination) : pino(options);
}
