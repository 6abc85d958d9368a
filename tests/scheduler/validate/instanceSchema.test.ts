import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRotaInstance, planRota } from '../../../scheduler/src';
import { instance, lawyer, pattern, post } from '../fixtures';

const example = () => JSON.parse(readFileSync(join(__dirname, '../../../scheduler/examples/small.json'), 'utf8'));

describe('instance files', () => {
  it('when the shipped example is parsed and planned, then it is valid and fully staffed', () => {
    const parsed = parseRotaInstance(example());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const result = planRota(parsed.instance);
    expect(result.figures).toMatchObject({ hardViolations: 0, unfilled: 0 });
    expect(result.pinConflicts).toEqual([]);
    expect(result.rota.assignments).toContainEqual({ slotId: 'nj-kuaiban:2026-10-01:0900-1200', lawyerId: 'L01', pinned: true });
  });

  it('when an instance has bad days, times, zones or rules, then each problem is named by its path', () => {
    const bad = instance({
      period: { from: '2026-10-31', to: '2026-10-01' },
      posts: [post('p1', { timeZone: 'Asia/Nowhere', patterns: [pattern('am', '9:00', '11:30', { rrule: 'BYDAY=MO', dtstart: '2026-02-30' })] })],
    });
    const parsed = parseRotaInstance(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['posts.0.timeZone', 'posts.0.patterns.0.start', 'posts.0.patterns.0.rrule', 'posts.0.patterns.0.dtstart', 'period']),
    );
    expect(parsed.issues.find((i) => i.path === 'posts.0.timeZone')!.message).toMatch(/IANA/);
  });

  it('when a lawyer id is duplicated or a pin names nobody, then the instance is refused', () => {
    const inst = instance();
    const parsed = parseRotaInstance({ ...inst, lawyers: [...inst.lawyers, inst.lawyers[0]], pins: [{ slotId: 'x', lawyerId: 'ghost' }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message).join(' ')).toMatch(/duplicate lawyer id a.*unknown lawyer ghost|unknown lawyer ghost.*duplicate/);
  });

  it('when leave ends before it starts or names an impossible day, then each is refused with a code', () => {
    const inst = instance({
      lawyers: [lawyer('a', { leave: [{ from: '2026-10-14', to: '2026-10-12' }] }), lawyer('b', { leave: [{ from: '2027-02-30', to: '2027-03-02' }] })],
    });
    const parsed = parseRotaInstance(inst);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'lawyers.0.leave.0', detail: { code: 'RANGE_REVERSED', params: { from: '2026-10-14', to: '2026-10-12' } } }),
        expect.objectContaining({ path: 'lawyers.1.leave.0.from' }),
      ]),
    );
  });

  it('when a period is reversed or a rule never matches, then the issue names the post and pattern in a code', () => {
    const parsed = parseRotaInstance(
      instance({ period: { from: '2026-10-16', to: '2026-10-12' }, posts: [post('p1', { patterns: [pattern('x', '09:00', '11:30', { rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' })] })] }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'period', detail: expect.objectContaining({ code: 'RANGE_REVERSED' }) }),
        expect.objectContaining({ path: 'posts.0.patterns.0.rrule', detail: { code: 'RULE_NEVER_MATCHES', params: { years: 10, post: 'p1', pattern: 'x' } } }),
      ]),
    );
  });
});
