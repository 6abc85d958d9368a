import mongoose from 'mongoose';

mongoose.set('strictQuery', true);

export type DatabaseFlavour = 'mongodb' | 'ferretdb';
let flavour: DatabaseFlavour = 'mongodb';

/** Which server we talk to: real MongoDB, or FerretDB (the embedded default and the test database). */
export function databaseFlavour(): DatabaseFlavour {
  return flavour;
}

/**
 * Connects mongoose. FerretDB applies an update by reading the matching documents and then
 * writing them back, so two conditional updates racing on separate connections can both
 * "win". zhiban relies on conditional single-document updates being atomic (version checks,
 * leases, idempotent jobs), so against FerretDB it keeps a single connection, which
 * serialises this process's operations and makes them atomic again. Several API processes
 * need MongoDB (a replica set), where every connection is safe.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  const options = { serverSelectionTimeoutMS: 5000, autoIndex: true };
  await mongoose.connect(uri, options);
  const info = (await mongoose.connection.db!.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: string };
  flavour = info.ferretdbVersion === undefined ? 'mongodb' : 'ferretdb';
  if (flavour === 'ferretdb') {
    await mongoose.disconnect();
    await mongoose.connect(uri, { ...options, maxPoolSize: 1, minPoolSize: 1 });
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
    return { ok: true, name: conn.name, server: flavour, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, name: conn.name, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
