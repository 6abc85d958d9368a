/**
 * Plans a rota from an instance file:
 *   npm run plan -- <instance.json> [--out rota.json]
 * Without --out the result is written to stdout; with it, a one-line summary is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseRotaInstance, planRota, type PlanResult } from '../src';

export const RESULT_FORMAT = 'zhiban-rota/1';

export function resultDocument(result: PlanResult) {
  return {
    format: RESULT_FORMAT,
    figures: result.figures,
    rota: result.rota,
    unfilled: result.unfilled,
    pinConflicts: result.pinConflicts,
    violations: result.violations,
    softGoalsMissed: result.softGoalsMissed,
    softGoals: result.softGoals,
    fairness: result.fairness,
  };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  const args = argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && !out) fail('--out needs a file name');
  const file = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (!file) fail('usage: npm run plan -- <instance.json> [--out rota.json]');

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseRotaInstance(json);
  if (!parsed.ok) {
    fail(`${file} is not a valid rota instance:\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }

  let result: PlanResult;
  try {
    result = planRota(parsed.instance);
  } catch (error) {
    fail(`cannot plan ${file}: ${(error as Error).message}`);
  }
  const document = JSON.stringify(resultDocument(result), null, 2);
  if (out) {
    writeFileSync(out, `${document}\n`);
    process.stdout.write(`${JSON.stringify({ out, ...result.figures })}\n`);
  } else {
    process.stdout.write(`${document}\n`);
  }
}

main(process.argv);
