/**
 * npm run bench:scheduler [case …]
 * Each case runs in its own child process so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_CASES } from './cases';

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(BENCH_CASES);
let failed = false;
for (const name of names) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'runCase.ts'), name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) failed = true;
  process.stdout.write(child.stdout);
}
process.exit(failed ? 1 : 0);
