import mongoose from 'mongoose';

mongoose.set('strictQuery', true);

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 5000, autoIndex: true });
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export interface DatabaseHealth {
  ok: boolean;
  name?: string;
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
    return { ok: true, name: conn.name, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, name: conn.name, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
