// Where the embedded FerretDB binary lives. Shared by the install step, the server and tests.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
// The wrapper's revision (tools/ferretdb/main.go); keep in step with api/src/db/embedded-ferretdb.ts.
export const FERRETDB_WRAPPER_REVISION = 'r2';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const moduleDir = path.join(root, 'tools', 'ferretdb');
export const binaryPath =
  process.env.FERRETDB_BIN || path.join(moduleDir, 'bin', `ferretdb-${FERRETDB_VERSION}-${FERRETDB_WRAPPER_REVISION}`);
