import { checkAssignment, createAssignmentChecker, planRota, validateRota } from '../../../scheduler/src';
import { instance, lawyer } from '../fixtures';

const MON_AM = 'p1:2026-10-12:0900-1130';
const MON_PM = 'p1:2026-10-12:1430-1730';
const TUE_AM = 'p1:2026-10-13:0900-1130';

describe('validateRota', () => {
  it('when a hand-edited rota breaks rules, then each violation names rule, slot, lawyer and message', () => {
    const inst = instance({ lawyers: [lawyer('a', { leave: [{ from: '2026-10-13', to: '2026-10-13' }] }), lawyer('b')] });
    const report = validateRota(inst, { assignments: [{ slotId: MON_AM, lawyerId: 'a' }, { slotId: MON_PM, lawyerId: 'a' }, { slotId: TUE_AM, lawyerId: 'a' }] });
    const rules = report.violations.map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['oneDutyPerDay', 'noLeave', 'slotFilled']));
    const leave = report.violations.find((v) => v.rule === 'noLeave')!;
    expect(leave).toMatchObject({ slotId: TUE_AM, lawyerId: 'a' });
    expect(leave.message).toMatch(/leave/);
    expect(leave.messageZh).toMatch(/请假/);
    expect(report.valid).toBe(false);
  });

  it('when an assignment names an unknown slot or lawyer, then knownReferences reports it', () => {
    const report = validateRota(instance(), { assignments: [{ slotId: 'nope', lawyerId: 'a' }, { slotId: MON_AM, lawyerId: 'ghost' }] });
    expect(report.violations.filter((v) => v.rule === 'knownReferences')).toHaveLength(2);
  });

  it('when the solver plans a rota, then validating it finds nothing and scores soft goals', () => {
    const inst = instance();
    const report = validateRota(inst, planRota(inst).rota);
    expect(report.violations).toEqual([]);
    expect(report.softGoals.map((g) => g.rule)).toContain('fairDuties');
    expect(report.softScore).toBeGreaterThanOrEqual(0);
  });
});

describe('checkAssignment', () => {
  const inst = instance({
    lawyers: [lawyer('a', { firmId: 'f1' }), lawyer('b', { firmId: 'f2' }), lawyer('c', { firmId: 'f1' })],
    rules: { maxPerWeek: 5 },
  });
  const rota = planRota(inst).rota;
  const holder = (slotId: string) => rota.assignments.find((a) => a.slotId === slotId)!.lawyerId;

  it('when staff drag a lawyer into a slot they already hold that day, then the check refuses with oneDutyPerDay', () => {
    const am = holder(MON_AM);
    const result = checkAssignment(inst, rota, { type: 'replace', slotId: MON_PM, fromLawyerId: holder(MON_PM), toLawyerId: am });
    expect(result.allowed).toBe(false);
    expect(result.violations.map((v) => v.rule)).toContain('oneDutyPerDay');
  });

  it('when a replacement is free that day, then the check allows it', () => {
    const busy = new Set(rota.assignments.filter((a) => a.slotId.includes('2026-10-13')).map((a) => a.lawyerId));
    const free = ['a', 'b', 'c'].find((id) => !busy.has(id))!;
    const result = checkAssignment(inst, rota, { type: 'replace', slotId: TUE_AM, fromLawyerId: holder(TUE_AM), toLawyerId: free });
    expect(result).toEqual({ allowed: true, violations: [] });
  });

  it('when a swap between firms is proposed where swaps must stay in one firm, then swapSameFirm refuses it', () => {
    const strict = { ...inst, rules: { swapRequiresSameFirm: true } };
    const check = createAssignmentChecker(strict, rota);
    const a = rota.assignments.find((x) => x.lawyerId === 'a')!;
    const b = rota.assignments.find((x) => x.lawyerId === 'b' && x.slotId.split(':')[1] !== a.slotId.split(':')[1])!;
    const result = check({ type: 'swap', first: a, second: b });
    expect(result.violations.map((v) => v.rule)).toContain('swapSameFirm');
  });

  it('when a proposal names an unknown lawyer, then it is refused with knownReferences', () => {
    expect(checkAssignment(inst, rota, { type: 'assign', slotId: MON_AM, lawyerId: 'zz' })).toMatchObject({
      allowed: false,
      violations: [{ rule: 'knownReferences' }],
    });
  });
});
