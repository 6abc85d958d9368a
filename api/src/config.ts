import path from 'node:path';
import { z } from 'zod';

/** The project root: api/src/../.. */
export const projectRoot = path.resolve(__dirname, '..', '..');

const schema = z.object({
  /** PORT — HTTP port; 0 picks a free one. */
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HOST — interface to listen on. */
  host: z.string().default('0.0.0.0'),
  /** NODE_ENV */
  env: z.enum(['development', 'production', 'test']).default('development'),
  /** MONGODB_URI — a MongoDB server; unset means the embedded FerretDB database. */
  mongodbUri: z.string().url().optional(),
  /** ZHIBAN_DATA_DIR — where the embedded database keeps its files. */
  dataDir: z.string().default(path.join(projectRoot, 'data')),
  /** FERRETDB_BIN — the embedded database binary (built by the install step). */
  ferretdbBin: z.string().optional(),
  /** ZHIBAN_DB_NAME — database name used with the embedded server. */
  dbName: z.string().regex(/^[A-Za-z0-9_-]+$/).default('zhiban'),
  /**
   * ZHIBAN_DB_POOL_SIZE — database connections per API process; unset: 8 against the
   * embedded FerretDB, the driver's default on MongoDB (db/capabilities.ts).
   */
  dbPoolSize: z.coerce.number().int().min(1).max(500).optional(),
  /** LOG_LEVEL — pino level. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * ZHIBAN_SEED_DEMO — seed the demo world into a database without users: `1` always,
   * `0` never; unset means only for the embedded database.
   */
  seedDemo: z.enum(['auto', 'always', 'never']).default('auto'),
  /** ZHIBAN_CLIENT_DIST — the built client served at `/`. */
  clientDist: z.string().default(path.join(projectRoot, 'client', 'dist')),
  /** ZHIBAN_CHECKIN_SECRET — HMAC key of check-in codes; unset: generated once and kept in the database. */
  checkinSecret: z.string().min(16).optional(),
  /**
   * ZHIBAN_SECURE_COOKIES — `1`: the session cookie is always `Secure` (set it whenever users
   * reach zhiban over https, whatever proxies are in between); `0`: never; unset: only when the
   * request came over https (directly or through a proxy on the same machine).
   */
  secureCookies: z.boolean().optional(),
  /**
   * REDIS_URL — with several API processes, Socket.IO events, cache invalidations and
   * rate-limit counters reach every process through Redis.
   */
  redisUrl: z.string().url().optional(),
  /**
   * ZHIBAN_CACHE_TTL_MS — time limits of the in-memory caches by name, e.g.
   * `posts=5000,publications=1000,checkinSettings=5000,postNames=60000,lawyerNames=60000`
   * (db/cache.ts); unset names keep their defaults.
   */
  cacheTtlMs: z.record(z.string(), z.number().int().min(0)).default({}),
  /** ZHIBAN_REPLY_WINDOW_DAYS — days a lawyer has to reply to a proposed violation. */
  replyWindowDays: z.coerce.number().int().min(0).max(60).default(3),
  /** ZHIBAN_DISCIPLINE_PERIOD_MONTHS — months in which confirmed violations count (一次警告、二次清退). */
  disciplinePeriodMonths: z.coerce.number().int().min(1).max(120).default(12),
  /** ZHIBAN_FEEDBACK_ACCEPT_DAYS — working days staff have to accept or reject feedback. */
  feedbackAcceptWorkingDays: z.coerce.number().int().min(1).max(60).default(5),
  /** ZHIBAN_FEEDBACK_CONCLUDE_DAYS — days from receipt by which feedback must be concluded. */
  feedbackConcludeDays: z.coerce.number().int().min(1).max(365).default(30),
});

export type Config = z.infer<typeof schema>;

/** `name=ms,name=ms` → { name: ms }; a malformed entry is kept as NaN so the schema reports it. */
function parseTtls(text: string | undefined): Record<string, number> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(
    text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const [name, ms] = pair.split('=');
        return [name!.trim(), ms !== undefined && /^\s*\d+\s*$/.test(ms) ? Number(ms) : Number.NaN];
      }),
  );
}

/** The only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse({
    port: env.PORT || undefined,
    host: env.HOST || undefined,
    env: env.NODE_ENV || undefined,
    mongodbUri: env.MONGODB_URI || undefined,
    dataDir: env.ZHIBAN_DATA_DIR ? path.resolve(env.ZHIBAN_DATA_DIR) : undefined,
    ferretdbBin: env.FERRETDB_BIN || undefined,
    dbName: env.ZHIBAN_DB_NAME || undefined,
    dbPoolSize: env.ZHIBAN_DB_POOL_SIZE || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    clientDist: env.ZHIBAN_CLIENT_DIST || undefined,
    checkinSecret: env.ZHIBAN_CHECKIN_SECRET || undefined,
    redisUrl: env.REDIS_URL || undefined,
    cacheTtlMs: parseTtls(env.ZHIBAN_CACHE_TTL_MS),
    replyWindowDays: env.ZHIBAN_REPLY_WINDOW_DAYS || undefined,
    disciplinePeriodMonths: env.ZHIBAN_DISCIPLINE_PERIOD_MONTHS || undefined,
    feedbackAcceptWorkingDays: env.ZHIBAN_FEEDBACK_ACCEPT_DAYS || undefined,
    feedbackConcludeDays: env.ZHIBAN_FEEDBACK_CONCLUDE_DAYS || undefined,
    secureCookies: env.ZHIBAN_SECURE_COOKIES === '1' ? true : env.ZHIBAN_SECURE_COOKIES === '0' ? false : undefined,
    seedDemo: env.ZHIBAN_SEED_DEMO === '1' ? 'always' : env.ZHIBAN_SEED_DEMO === '0' ? 'never' : undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
