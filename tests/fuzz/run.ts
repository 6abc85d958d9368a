/**
 * Schema fuzzing (CI): starts the real server (NODE_ENV=test, so every answer is also checked
 * against its response schema) on a fresh embedded test database with the demo world, then
 * lets schemathesis fuzz every operation of /api/openapi.json anonymously and as each role,
 * with a bounded number of examples per operation. Any 5xx fails.
 *
 *   SCHEMATHESIS=path/to/schemathesis FUZZ_EXAMPLES=5 npx tsx tests/fuzz/run.ts
 *
 * Prints one summary line: `fuzz summary: operations=… identities=… examples=… 5xx=…`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../api/src/db/embedded-ferretdb';
import { DEMO_ACCOUNTS } from '../../api/src/seed/demo';
import { startServerProcess } from '../support/server-process';

// A path is taken from where this script was started (schemathesis itself runs in a temporary directory).
const SCHEMATHESIS = process.env.SCHEMATHESIS?.includes('/') ? path.resolve(process.env.SCHEMATHESIS) : (process.env.SCHEMATHESIS ?? 'schemathesis');
const EXAMPLES = Number(process.env.FUZZ_EXAMPLES ?? 5);
const SEED = process.env.FUZZ_SEED ?? '20261130';

interface Identity {
  name: string;
  cookie?: string;
}

function runSchemathesis(url: string, who: Identity, workDir: string): Promise<number> {
  const args = [
    'run',
    `${url}/api/openapi.json`,
    '--url',
    url,
    '--checks',
    'not_a_server_error',
    '--phases',
    'examples,fuzzing',
    '--max-examples',
    String(EXAMPLES),
    '--seed',
    SEED,
    // One worker: schemathesis's generator is not reliably thread-safe on CPython 3.11.
    '--workers',
    '1',
    '--request-timeout',
    '30',
    '--no-shrink',
    '--generation-deterministic',
    '--suppress-health-check',
    'all',
    '--warnings',
    'off',
    '--continue-on-failure',
  ];
  // A signed-in run keeps its session: signing out (or changing the password) is fuzzed anonymously only.
  if (who.cookie) args.push('--exclude-path', '/api/auth/logout', '--exclude-path', '/api/auth/password', '-H', `Cookie: ${who.cookie}`);
  return new Promise((resolve, reject) => {
    // Its example database and reports stay in the run's temporary directory.
    const child = spawn(SCHEMATHESIS, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    let tail = '';
    let full = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-3000);
      full = (full + chunk).slice(-60_000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      // A failing run shows its report (the failures and how to reproduce them); a passing one its last lines.
      const report = full.includes('FAILURES') ? full.slice(full.indexOf('FAILURES') - 40) : full.slice(Math.max(0, full.indexOf('SUMMARY') - 40));
      const shown = code === 0 ? tail.split('\n').slice(-8).join('\n') : report.slice(0, 6000);
      process.stdout.write(`--- schemathesis as ${who.name} (exit ${code}):\n${shown}\n`);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhiban-fuzz-'));
  const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'db') });
  const server = await startServerProcess({ MONGODB_URI: `${db.baseUri}fuzz`, ZHIBAN_SEED_DEMO: '1', ZHIBAN_DATA_DIR: dir }, 300_000);
  const started = Date.now();
  let failed = false;
  try {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    const requestsBefore = server.logs.filter((l) => l.res).length;

    const identities: Identity[] = [{ name: 'anonymous' }];
    for (const account of DEMO_ACCOUNTS) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      });
      if (res.status !== 200) throw new Error(`demo login ${account.username} failed: ${res.status}`);
      identities.push({ name: account.role, cookie: res.headers.get('set-cookie')!.split(';')[0] });
    }
    // The server's own log is the judge of 5xx; schemathesis's exit code also covers its own
    // hiccups (a generator error on one operation), which are shown but do not fail the step.
    const exits: string[] = [];
    for (const who of identities) exits.push(`${who.name}:${await runSchemathesis(server.url, who, dir)}`);
    process.stdout.write(`schemathesis exit codes: ${exits.join(' ')}\n`);

    // Operations live under /api; schemathesis's own probes of other paths are not counted.
    const answered = (server.logs.filter((l) => l.res).slice(requestsBefore) as { res: { statusCode: number }; req?: { method?: string; url?: string } }[]).filter((l) =>
      l.req?.url?.startsWith('/api/'),
    );
    const serverErrors = answered.filter((l) => l.res.statusCode >= 500);
    for (const e of serverErrors.slice(0, 20)) process.stdout.write(`5xx: ${e.res.statusCode} ${e.req?.method} ${e.req?.url}\n`);
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(
      `fuzz summary: operations=${operations} identities=${identities.length} examples=${answered.length} 5xx=${serverErrors.length} seconds=${seconds}\n`,
    );
    if (serverErrors.length > 0 || answered.length === 0) failed = true;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`fuzzing could not run: ${String(err)}\n`);
  process.exit(1);
});
