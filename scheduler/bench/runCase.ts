/** Runs one benchmark case in this process and prints its JSON line (peak RSS included). */
import { BENCH_CASES } from './cases';

const name = process.argv[2];
const run = BENCH_CASES[name];
if (!run) {
  process.stderr.write(`unknown case ${name}; known: ${Object.keys(BENCH_CASES).join(', ')}\n`);
  process.exit(1);
}
const figures = run();
// maxRSS is the process's peak resident set, in kilobytes.
const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ case: name, ...figures, rssMB })}\n`);
