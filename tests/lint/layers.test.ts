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

describe('the layer rules inside api/src/modules', () => {
  const files = readdirSync(path.join(fixtures, 'reports')).map((f) => `reports/${f}`);
  let asModules: Map<string, Message[]>;
  let outsideAnArea: Message[];

  beforeAll(() => {
    // Each fixture is linted as if it were api/src/modules/<its path>; one routes file also as if it were in lib/.
    const results = lint([
      ...files.map((rel) => ({ filePath: path.join(root, 'api/src/modules', rel), text: fixture(rel) })),
      { filePath: path.join(root, 'api/src/lib/reports.routes.ts'), text: fixture('reports/reports.routes.ts') },
    ]);
    asModules = new Map(files.map((rel, i) => [rel, results[i]!]));
    outsideAnArea = results[files.length]!;
  });

  it('When the fixtures are read, then there are several with marked violations and one without', () => {
    expect(files).toHaveLength(4);
    expect(files.flatMap(markedLines)).toHaveLength(8);
    expect(markedLines('reports/reports.repository.ts')).toEqual([]);
  });

  it.each(['reports/reports.service.ts', 'reports/reports.routes.ts', 'reports/reports.repository.ts', 'reports/reports.summary.ts'])(
    'When %s is linted, then exactly its marked lines fail the layer rule',
    (rel) => {
      const messages = asModules.get(rel)!;
      expect(messages.filter((m) => m.ruleId !== 'layers/boundaries')).toEqual([]);
      expect(messages.map((m) => m.line).sort((a, b) => a - b)).toEqual(markedLines(rel));
    },
  );

  it('When a service imports mongoose, a model and another area\'s repository, then each message says what to use instead', () => {
    expect(asModules.get('reports/reports.service.ts')!.map((m) => m.message)).toEqual([
      expect.stringContaining('Only *.repository.ts and *.model.ts touch mongoose'),
      expect.stringContaining('Area "reports" reaches "lawyers" only through lawyers.service.ts or a *.port.ts'),
      expect.stringContaining('Only *.repository.ts and *.model.ts import models'),
    ]);
  });

  it('When the same file sits outside an area, then the layer rule does not apply', () => {
    expect(outsideAnArea.filter((m) => m.ruleId === 'layers/boundaries')).toEqual([]);
  });
});
