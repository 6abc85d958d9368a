import mongoose from 'mongoose';
import { capabilitiesOf, databaseCapabilities, setDatabaseCapabilities, type DatabaseServer, type ServerAnswers } from './capabilities';

mongoose.set('strictQuery', true);

export type DatabaseFlavour = DatabaseServer;

/** Which server we talk to: real MongoDB, or FerretDB (the embedded default and the test database). */
export function databaseFlavour(): DatabaseFlavour {
  return databaseCapabilities().server;
}

/**
 * Connects mongoose, asks the server what it can do (db/capabilities.ts), and keeps the
 * connection pool within what keeps conditional updates atomic: FerretDB applies an update
 * by reading the matching documents and then writing them back, so two conditional updates
 * racing on separate connections can both "win"; against it this process keeps a single
 * connection, which serialises its operations. Several API processes need MongoDB.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  const options = { serverSelectionTimeoutMS: 5000, autoIndex: true };
  await mongoose.connect(uri, options);
  const admin = mongoose.connection.db!.admin();
  const answers: ServerAnswers = {
    buildInfo: (await admin.command({ buildInfo: 1 })) as ServerAnswers['buildInfo'],
    hello: (await admin.command({ hello: 1 }).catch(() => ({}))) as ServerAnswers['hello'],
  };
  const capabilities = capabilitiesOf(answers);
  setDatabaseCapabilities(capabilities);
  if (capabilities.maxPoolSize !== undefined) {
    await mongoose.disconnect();
    await mongoose.connect(uri, { ...options, maxPoolSize: capabilities.maxPoolSize, minPoolSize: Math.min(1, capabilities.maxPoolSize) });
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
