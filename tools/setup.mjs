// Install step (npm install runs it as postinstall): builds the embedded FerretDB server
// once from the Go module proxy and builds the client. Both are skipped when already done.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { binaryPath, moduleDir, root } from './ferretdb-path.mjs';

function say(line) {
  process.stdout.write(`[zhiban setup] ${line}\n`);
}

function buildFerretDB() {
  if (process.env.MONGODB_URI) {
    say('MONGODB_URI is set: the embedded FerretDB server is not needed.');
  }
  if (existsSync(binaryPath)) {
    say(`FerretDB ready: ${path.relative(root, binaryPath)}`);
    return;
  }
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) {
    say('Go is not installed, so the embedded FerretDB database cannot be built.');
    say('Either install Go (https://go.dev/doc/install) and run `npm run setup`,');
    say('or set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://localhost:27017/zhiban');
    return;
  }
  say(`building FerretDB with ${go.stdout.trim()} (first time only, a few minutes)…`);
  mkdirSync(path.dirname(binaryPath), { recursive: true });
  execFileSync('go', ['build', '-trimpath', '-o', binaryPath, '.'], {
    cwd: moduleDir,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  say(`FerretDB built: ${path.relative(root, binaryPath)}`);
}

buildFerretDB();
if (!process.env.ZHIBAN_SKIP_CLIENT_BUILD) await import('./ensure-client.mjs');
