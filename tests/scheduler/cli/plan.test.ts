import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const plan = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scheduler/cli/plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run plan', () => {
  it('when given the example with --out, then it writes the documented result and prints the figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhiban-plan-'));
    const out = join(dir, 'rota.json');
    const run = plan('scheduler/examples/small.json', '--out', out);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ out, hardViolations: 0, unfilled: 0 });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.format).toBe('zhiban-rota/1');
    expect(Object.keys(doc)).toEqual(['format', 'figures', 'rota', 'unfilled', 'pinConflicts', 'violations', 'softGoalsMissed', 'softGoals', 'fairness', 'fairnessGaps']);
  });

  it('when the instance is invalid, then it exits 1 and names each problem by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhiban-plan-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ period: { from: '2026-10-01', to: 'soon' }, posts: [], lawyers: [], calendar: { holidays: {}, makeUpDays: {} } }));
    const run = plan(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/period\.to: expected a local day/);
    expect(run.stderr).toMatch(/seed/);
  });
});
