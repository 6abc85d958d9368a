import fc from 'fast-check';
import { planRota, repairRota, validateRota, type RotaInstance } from '../../../scheduler/src';
import { expandSlots } from '../../../scheduler/src/recurrence/expandSlots';
import { lawyer, pattern, post } from '../fixtures';

const KINDS = ['court', 'procuratorate', 'detention_centre'] as const;
const DISTRICTS = ['gulou', 'jianye'];

/** Small random instances: a week, up to 4 posts, up to 7 lawyers, random qualifications and leave. */
const smallInstance = (tight: boolean) =>
  fc
    .record({
      posts: fc.array(
        fc.record({
          kind: fc.constantFrom(...KINDS),
          district: fc.constantFrom(...DISTRICTS),
          needed: fc.integer({ min: 1, max: 2 }),
          afternoon: fc.boolean(),
          evening: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      lawyers: fc.array(
        fc.record({
          kinds: fc.subarray([...KINDS], { minLength: 1 }),
          districts: fc.subarray(DISTRICTS, { minLength: 1 }),
          leaveStart: fc.option(fc.integer({ min: 12, max: 16 }), { nil: undefined }),
          leaveDays: fc.integer({ min: 0, max: 2 }),
          firm: fc.integer({ min: 1, max: 3 }),
        }),
        { minLength: 1, maxLength: 7 },
      ),
      seed: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ posts, lawyers, seed }): RotaInstance => ({
      period: { from: '2026-10-12', to: '2026-10-16' },
      posts: posts.map((p, i) =>
        post(`p${i}`, {
          kind: p.kind,
          district: p.district,
          lawyersNeeded: p.needed,
          patterns: [
            pattern('am', '09:00', '11:30'),
            ...(p.afternoon ? [pattern('pm', '14:30', '17:30')] : []),
            ...(p.evening ? [pattern('ev', '19:00', '21:00')] : []),
          ],
        }),
      ),
      lawyers: lawyers.map((l, i) =>
        lawyer(`l${i}`, {
          firmId: `f${l.firm}`,
          qualifications: { kinds: l.kinds, districts: l.districts },
          ...(l.leaveStart ? { leave: [{ from: `2026-10-${l.leaveStart}`, to: `2026-10-${Math.min(16, l.leaveStart + l.leaveDays)}` }] } : {}),
        }),
      ),
      calendar: { holidays: {}, makeUpDays: {} },
      // Without caps and rest, only leave, qualifications and one-a-day bind, so an exact
      // matching tells how many seats can be filled at all.
      rules: tight ? { minRestHours: 14, maxPerWeek: 2 } : { minRestHours: 0, maxPerWeek: 7, maxPerMonth: 31 },
      seed,
    }));

/** Maximum number of seats fillable: per day, a bipartite matching of lawyers to seats. */
function maxFillable(instance: RotaInstance): number {
  const slots = expandSlots(instance);
  const byDay = new Map<string, typeof slots>();
  for (const s of slots) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
  const posts = new Map(instance.posts.map((p) => [p.id, p]));
  let total = 0;
  for (const [day, daySlots] of byDay) {
    const seats = daySlots.flatMap((s) => Array.from({ length: s.lawyersNeeded }, () => s));
    const can = (li: number, seat: (typeof seats)[number]) => {
      const l = instance.lawyers[li];
      const p = posts.get(seat.postId)!;
      const onLeave = (l.leave ?? []).some((a) => day >= a.from && day <= a.to);
      return !onLeave && l.qualifications.kinds.includes(p.kind) && l.qualifications.districts.includes(p.district);
    };
    const matchOfLawyer = new Array<number>(instance.lawyers.length).fill(-1);
    const tryAugment = (seat: number, seen: Set<number>): boolean => {
      for (let li = 0; li < instance.lawyers.length; li++) {
        if (seen.has(li) || !can(li, seats[seat])) continue;
        seen.add(li);
        if (matchOfLawyer[li] < 0 || tryAugment(matchOfLawyer[li], seen)) {
          matchOfLawyer[li] = seat;
          return true;
        }
      }
      return false;
    };
    for (let seat = 0; seat < seats.length; seat++) if (tryAugment(seat, new Set())) total++;
  }
  return total;
}

describe('solver properties', () => {
  it('when any small instance is planned, then the validator finds no hard violation in the result', () => {
    fc.assert(
      fc.property(smallInstance(true), (inst) => {
        const result = planRota(inst);
        const report = validateRota(inst, result.rota);
        expect(report.violations).toEqual([]);
        expect(result.figures.hardViolations).toBe(0);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('when only qualifications, leave and one-duty-a-day bind, then the solver fills as many seats as an exact matching', () => {
    fc.assert(
      fc.property(smallInstance(false), (inst) => {
        const result = planRota(inst);
        expect(result.figures.filled).toBe(maxFillable(inst));
        expect(result.figures.hardViolations).toBe(0);
      }),
      { seed: 42, numRuns: 80 },
    );
  });

  it('when every lawyer can serve every slot, then the duty spread is at most 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 3 }), fc.integer(), (lawyers, postCount, seed) => {
        const inst: RotaInstance = {
          period: { from: '2026-10-12', to: '2026-10-23' },
          posts: Array.from({ length: postCount }, (_, i) => post(`p${i}`)),
          lawyers: Array.from({ length: lawyers }, (_, i) => lawyer(`l${i}`)),
          calendar: { holidays: {}, makeUpDays: {} },
          rules: { maxPerWeek: 7, maxPerMonth: 31, minRestHours: 0 },
          seed,
        };
        const result = planRota(inst);
        if (result.figures.unfilled === 0) expect(result.figures.spread).toBeLessThanOrEqual(1);
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('when any lawyer is removed from a planned rota, then the repair breaks no hard rule and only their duties are removed', () => {
    fc.assert(
      fc.property(smallInstance(true), fc.nat(), (inst, pick) => {
        const planned = planRota(inst);
        const gone = inst.lawyers[pick % inst.lawyers.length].id;
        const result = repairRota(inst, planned.rota, { type: 'lawyerRemoved', lawyerId: gone, from: '2026-10-12T00:00:00Z' });
        expect(result.violations).toEqual([]);
        expect(result.diff.removed.every((a) => a.lawyerId === gone)).toBe(true);
        expect(result.rota.assignments.some((a) => a.lawyerId === gone)).toBe(false);
        expect(validateRota(result.instance, result.rota).violations).toEqual([]);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
