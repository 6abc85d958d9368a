import { chinaHolidayCalendar, planRota, validateRota } from '../../../scheduler/src';
import { nanjingMonth } from '../../../scheduler/bench/generateInstance';
import { instance, lawyer, pattern, post } from '../fixtures';

describe('planRota', () => {
  it('when there are enough lawyers, then every slot is filled without hard violations', () => {
    const result = planRota(instance({ lawyers: ['a', 'b', 'c', 'd'].map((id) => lawyer(id)) }));
    expect(result.figures).toMatchObject({ slots: 10, seats: 10, filled: 10, unfilled: 0, hardViolations: 0 });
    expect(validateRota(instance({ lawyers: ['a', 'b', 'c', 'd'].map((id) => lawyer(id)) }), result.rota).valid).toBe(true);
  });

  it('when the same instance and seed are planned twice, then the rotas are identical', () => {
    const inst = instance({ lawyers: ['a', 'b', 'c', 'd', 'e'].map((id) => lawyer(id)) });
    expect(planRota(inst).rota.assignments).toEqual(planRota(inst).rota.assignments);
  });

  it('when the seed changes, then ties are broken differently but the rota stays valid', () => {
    const inst = instance({ lawyers: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => lawyer(id)) });
    const one = planRota({ ...inst, seed: 1 });
    const two = planRota({ ...inst, seed: 99 });
    expect(one.rota.assignments).not.toEqual(two.rota.assignments);
    expect(two.figures.hardViolations).toBe(0);
  });

  it('when ten slots go to four lawyers, then the duty spread is at most 1', () => {
    const result = planRota(instance({ lawyers: ['a', 'b', 'c', 'd'].map((id) => lawyer(id)) }));
    expect(result.figures.spread).toBeLessThanOrEqual(1);
  });

  it('when a lawyer is on leave, then they get no duty during it', () => {
    const inst = instance({ lawyers: [lawyer('a', { leave: [{ from: '2026-10-12', to: '2026-10-14' }] }), lawyer('b'), lawyer('c')] });
    const result = planRota(inst);
    const aDays = result.rota.assignments.filter((a) => a.lawyerId === 'a').map((a) => a.slotId.split(':')[1]);
    expect(aDays.every((d) => d >= '2026-10-15')).toBe(true);
  });

  it('when a lawyer is pinned, then the pin is kept and marked', () => {
    const inst = instance({ pins: [{ slotId: 'p1:2026-10-13:0900-1130', lawyerId: 'c' }] });
    const result = planRota(inst);
    expect(result.rota.assignments).toContainEqual({ slotId: 'p1:2026-10-13:0900-1130', lawyerId: 'c', pinned: true });
    expect(result.pinConflicts).toEqual([]);
  });

  it('when a pin breaks a hard rule, then it is dropped and reported with the rule', () => {
    const inst = instance({
      lawyers: [lawyer('a', { leave: [{ from: '2026-10-13', to: '2026-10-13' }] }), lawyer('b'), lawyer('c')],
      pins: [{ slotId: 'p1:2026-10-13:0900-1130', lawyerId: 'a' }],
    });
    const result = planRota(inst);
    expect(result.pinConflicts).toMatchObject([{ lawyerId: 'a', rule: 'noLeave' }]);
    expect(result.rota.assignments).not.toContainEqual(expect.objectContaining({ slotId: 'p1:2026-10-13:0900-1130', lawyerId: 'a' }));
  });

  it('when greedy choices would strand a slot, then augmenting paths still fill it', () => {
    // Only "b" can take the court slot; "a" can take either. Both slots are at 09:00 on one day.
    const inst = instance({
      period: { from: '2026-10-12', to: '2026-10-12' },
      posts: [
        post('court', { kind: 'court', patterns: [pattern('am', '09:00', '11:30')] }),
        post('pros', { kind: 'procuratorate', patterns: [pattern('am', '09:00', '11:30')] }),
      ],
      lawyers: [
        lawyer('a', { qualifications: { kinds: ['court', 'procuratorate'], districts: ['gulou'] } }),
        lawyer('b', { qualifications: { kinds: ['procuratorate'], districts: ['gulou'] } }),
      ],
    });
    expect(planRota(inst).figures).toMatchObject({ filled: 2, unfilled: 0 });
  });

  it('when a post opens on holidays, then holiday duties are spread evenly', () => {
    const inst = instance({
      period: { from: '2026-10-01', to: '2026-10-07' },
      calendar: chinaHolidayCalendar(),
      posts: [post('p1', { opensOnHolidays: true, patterns: [pattern('d', '09:00', '12:00', { rrule: 'FREQ=DAILY' })] })],
    });
    const result = planRota(inst);
    expect(result.figures).toMatchObject({ filled: 7, weekendSpread: 1 });
  });

  it('when the Nanjing month is planned, then it has no violation, no gap and spread at most 1', () => {
    const result = planRota(nanjingMonth());
    expect(result.figures).toMatchObject({ hardViolations: 0, unfilled: 0 });
    expect(result.figures.spread).toBeLessThanOrEqual(1);
    expect(result.figures.weekendSpread).toBeLessThanOrEqual(1);
  });
});

describe('preferences', () => {
  it('when a lawyer dislikes Mondays and a trade is possible, then they get no Monday duty', () => {
    const inst = instance({
      lawyers: [lawyer('a', { preferences: { undesiredWeekdays: [1] } }), lawyer('b'), lawyer('c'), lawyer('d')],
      rules: { maxPerWeek: 5 },
    });
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = planRota({ ...inst, seed });
      const aMondays = result.rota.assignments.filter((x) => x.lawyerId === 'a' && x.slotId.includes('2026-10-12'));
      expect(aMondays).toEqual([]);
      expect(result.figures.spread).toBeLessThanOrEqual(1);
    }
  });
});
