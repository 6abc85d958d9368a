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
  /** REDIS_URL — with several API processes, Socket.IO events reach every process through Redis. */
  redisUrl: z.string().url().optional(),
});

export type Config = z.infer<typeof schema>;

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
    logLevel: env.LOG_LEVEL || undefined,
    clientDist: env.ZHIBAN_CLIENT_DIST || undefined,
    checkinSecret: env.ZHIBAN_CHECKIN_SECRET || undefined,
    redisUrl: env.REDIS_URL || undefined,
    secureCookies: env.ZHIBAN_SECURE_COOKIES === '1' ? true : env.ZHIBAN_SECURE_COOKIES === '0' ? false : undefined,
    seedDemo: env.ZHIBAN_SEED_DEMO === '1' ? 'always' : env.ZHIBAN_SEED_DEMO === '0' ? 'never' : undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
