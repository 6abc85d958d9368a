import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON log lines (one per event, request ids included); on an interactive terminal outside
 * production they are pretty-printed for people reading the console.
 */
export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production'): Logger {
  if (pretty) {
    return pino({
      level,
      base: { app: 'zhiban' },
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app,req,res,responseTime' } },
    });
  }
  return pino({ level, base: { app: 'zhiban' } });
}
