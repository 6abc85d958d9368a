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

  it('when a rule never matches, has a negative interval or repeats a shift, then plan refuses it with the post and pattern, in Chinese or English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhiban-plan-'));
    const example = JSON.parse(readFileSync(join(root, 'scheduler/examples/small.json'), 'utf8'));
    example.posts[0].patterns[0].rrule = 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30';
    example.posts[0].patterns[1].rrule = 'FREQ=DAILY;INTERVAL=-1';
    example.posts[1].patterns.push({ ...example.posts[1].patterns[0], id: 'again' });
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(example));
    const zh = plan(file);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain(`posts.0.patterns.0.rrule（岗位 ${example.posts[0].id}，规则 ${example.posts[0].patterns[0].id}）: 该规则在 10 年内不会产生任何日期`);
    expect(zh.stderr).toContain('INTERVAL 必须是 1 到 999 之间的整数（现为 -1）');
    expect(zh.stderr).toContain(`岗位 ${example.posts[1].id} 已有 09:00–11:30 的班次规则`);
    const en = plan(file, '--lang', 'en');
    expect(en.stderr).toContain('the rule produces no date within 10 years');
  });
});
