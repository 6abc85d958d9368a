import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../api/src/db/embedded-ferretdb';

declare global {
  var __zhibanTestDb: EmbeddedDatabase | undefined;
}

/**
 * Starts one throw-away FerretDB for the whole run (temp directory, free port). Test files
 * each use their own database on it (see tests/support/db.ts). Both the api and the e2e
 * projects name this file; the second call reuses the first server.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__zhibanTestDb) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-test-db-'));
  const db = await startEmbeddedDatabase({ dataDir });
  globalThis.__zhibanTestDb = db;
  process.env.ZHIBAN_TEST_MONGODB_BASE = db.baseUri;
  process.env.ZHIBAN_TEST_DATA_DIR = dataDir;
}
