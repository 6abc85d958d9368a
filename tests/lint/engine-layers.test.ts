import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(__dirname, 'fixtures');
type Message = { line: number; ruleId: string | null; message: string };

/** Lints texts as the files at the given paths, with the project's own ESLint configuration (ESLint's Node API, in a child process). */
function lint(inputs: { filePath: string; text: string }[]): Message[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], { cwd: root, input: JSON.stringify(inputs), encoding: 'utf8' });
  return JSON.parse(out) as Message[][];
}
const fixture = (rel: string) => readFileSync(path.join(fixtures, rel), 'utf8');

/** The lines a fixture marks with `// error:`. */
function markedLines(rel: string): number[] {
  return fixture(rel)
    .split('\n')
    .flatMap((line, i) => (/\/\/ error:/.test(line) ? [i + 1] : []));
}

describe("the rota engine's layer order", () => {
  const files = readdirSync(path.join(fixtures, 'engine')).flatMap((dir) => readdirSync(path.join(fixtures, 'engine', dir)).map((f) => `${dir}/${f}`));
  let inEngine: Map<string, Message[]>;
  let outsideEngine: Message[];

  beforeAll(() => {
    // Each fixture is linted as if it were scheduler/src/<its path>; one also as if it were a benchmark script.
    const results = lint([
      ...files.map((rel) => ({ filePath: path.join(root, 'scheduler/src', rel), text: fixture(`engine/${rel}`) })),
      { filePath: path.join(root, 'scheduler/bench/rules/seatRules.ts'), text: fixture('engine/rules/seatRules.ts') },
    ]);
    inEngine = new Map(files.map((rel, i) => [rel, results[i]!]));
    outsideEngine = results[files.length]!;
  });

  it('When the fixtures are read, then there are several with marked violations and one without', () => {
    expect(files.sort()).toEqual(['extras/helper.ts', 'model/problem.ts', 'plan/planRota.ts', 'rules/seatRules.ts', 'solver/schedule.ts']);
    expect(files.flatMap((rel) => markedLines(`engine/${rel}`))).toHaveLength(7);
    expect(markedLines('engine/solver/schedule.ts')).toEqual([]);
  });

  it.each(['extras/helper.ts', 'model/problem.ts', 'plan/planRota.ts', 'rules/seatRules.ts', 'solver/schedule.ts'])(
    'When %s is linted, then exactly its marked lines fail the layer order',
    (rel) => {
      const messages = inEngine.get(rel)!;
      expect(messages.filter((m) => m.ruleId !== 'engine/order')).toEqual([]);
      expect(messages.map((m) => m.line).sort((a, b) => a - b)).toEqual(markedLines(`engine/${rel}`));
    },
  );

  it('When a rule imports the solver, explanations and repair, then each message names the two folders and the order', () => {
    expect(inEngine.get('rules/seatRules.ts')!.map((m) => m.message)).toEqual([
      expect.stringContaining('rules/ may not import solver/ (../solver/schedule)'),
      expect.stringContaining('rules/ may not import explain/ (../explain/messages)'),
      expect.stringContaining('rules/ may not import repair/ (../repair/rotaDiff)'),
    ]);
    expect(inEngine.get('rules/seatRules.ts')![0]!.message).toContain('time → model → calendar → recurrence → rules → solver → validate → explain → {input, plan, repair}');
  });

  it('When folders side by side import each other, a folder reaches the entry point, or a folder has no place, then the message says so', () => {
    expect(inEngine.get('plan/planRota.ts')!.map((m) => m.message)).toEqual([
      expect.stringContaining('plan/ and repair/ sit side by side'),
      expect.stringContaining('plan/ and input/ sit side by side'),
    ]);
    expect(inEngine.get('model/problem.ts')![0]!.message).toContain('not the entry point');
    expect(inEngine.get('extras/helper.ts')![0]!.message).toContain('extras/ has no place');
  });

  it('When the same file sits outside scheduler/src, then the layer order does not apply', () => {
    expect(outsideEngine.filter((m) => m.ruleId === 'engine/order')).toEqual([]);
  });
});
