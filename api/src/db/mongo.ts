import mongoose from 'mongoose';
import { capabilitiesOf, databaseCapabilities, setDatabaseCapabilities, type DatabaseServer, type ServerAnswers } from './capabilities';

mongoose.set('strictQuery', true);

export type DatabaseFlavour = DatabaseServer;

/** Which server we talk to: real MongoDB, or FerretDB (the embedded default and the test database). */
export function databaseFlavour(): DatabaseFlavour {
  return databaseCapabilities().server;
}

export interface ConnectOptions {
  /** Connections in this process's pool (`ZHIBAN_DB_POOL_SIZE`); unset: what the server suits (db/capabilities.ts). */
  maxPoolSize?: number;
}

/**
 * Connects mongoose, asks the server what it can do (db/capabilities.ts), and sizes the
 * connection pool: the configured size, else a small pool against FerretDB and the driver's
 * default on MongoDB. Any pool size is safe on either server, because every step where two
 * racing writers must not both win is a unique insert (db/claims.ts), not a conditional update.
 */
export async function connectDatabase(uri: string, opts: ConnectOptions = {}): Promise<typeof mongoose> {
  const options = { serverSelectionTimeoutMS: 5000, autoIndex: true };
  await mongoose.connect(uri, { ...options, ...(opts.maxPoolSize !== undefined ? { maxPoolSize: opts.maxPoolSize } : {}) });
  const admin = mongoose.connection.db!.admin();
  const answers: ServerAnswers = {
    buildInfo: (await admin.command({ buildInfo: 1 })) as ServerAnswers['buildInfo'],
    hello: (await admin.command({ hello: 1 }).catch(() => ({}))) as ServerAnswers['hello'],
  };
  const capabilities = capabilitiesOf(answers);
  setDatabaseCapabilities(capabilities);
  if (opts.maxPoolSize === undefined && capabilities.maxPoolSize !== undefined) {
    await mongoose.disconnect();
    await mongoose.connect(uri, { ...options, maxPoolSize: capabilities.maxPoolSize, minPoolSize: 1 });
  }
  return mongoose;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export interface DatabaseHealth {
  ok: boolean;
  name?: string;
  server?: DatabaseFlavour;
  latencyMs?: number;
  error?: string;
}

/** Pings the database, giving up after `timeoutMs` so that health checks answer promptly. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const conn = mongoose.connection;
  const started = Date.now();
  if (conn.readyState !== mongoose.ConnectionStates.connected || !conn.db) {
    return { ok: false, error: 'not connected' };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      conn.db.admin().ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
      }),
    ]);
    return { ok: true, name: conn.name, server: databaseFlavour(), latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, name: conn.name, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
