/**
 * Plans a rota from an instance file:
 *   npm run plan -- <instance.json> [--out rota.json] [--lang zh-CN|en]
 * Without --out the result is written to stdout; with it, a one-line summary is.
 * The instance is checked as strictly as the API checks staff input; messages are in
 * Chinese unless `--lang en` is given.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseRotaInstance, planRota, renderMessage, type Lang, type PlanResult } from '../src';

let lang: Lang = 'zh-CN';

export const RESULT_FORMAT = 'zhiban-rota/1';

export function resultDocument(result: PlanResult, lang: Lang = 'zh-CN') {
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
    fairnessGaps: result.fairnessGaps.map((g) => ({ ...g, message: renderMessage(g, lang) })),
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
  const langAt = args.indexOf('--lang');
  if (langAt >= 0) {
    const value = args[langAt + 1];
    if (value !== 'zh-CN' && value !== 'en') fail('--lang is zh-CN or en');
    lang = value;
  }
  const file = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1) && (langAt < 0 || i !== langAt + 1));
  if (!file) fail('usage: npm run plan -- <instance.json> [--out rota.json] [--lang zh-CN|en]');

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
    const where = (i: (typeof parsed.issues)[number]) => {
      const p = i.detail?.params;
      if (!p?.post || !p.pattern) return i.path;
      return lang === 'en' ? `${i.path} (post ${p.post}, pattern ${p.pattern})` : `${i.path}（岗位 ${p.post}，规则 ${p.pattern}）`;
    };
    const lines = parsed.issues.map((i) => `  ${where(i)}: ${i.detail ? renderMessage(i.detail, lang) : i.message}`);
    fail(`${file} ${lang === 'en' ? 'is not a valid rota instance' : '不是有效的排班实例'}:\n${lines.join('\n')}`);
  }

  let result: PlanResult;
  try {
    result = planRota(parsed.instance);
  } catch (error) {
    fail(`cannot plan ${file}: ${(error as Error).message}`);
  }
  const document = JSON.stringify(resultDocument(result, lang), null, 2);
  if (out) {
    writeFileSync(out, `${document}\n`);
    process.stdout.write(`${JSON.stringify({ out, ...result.figures })}\n`);
  } else {
    process.stdout.write(`${document}\n`);
  }
}

main(process.argv);
