import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__zhibanTestDb;
  if (!db) return;
  globalThis.__zhibanTestDb = undefined;
  await db.stop();
  const dir = process.env.ZHIBAN_TEST_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
