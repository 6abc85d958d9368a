import fc from 'fast-check';
import { planRota, validateRota, type RotaInstance } from '../../../scheduler/src';
import { lawyer, pattern, post } from '../fixtures';

/**
 * Tiny instances (one post, one shift a day, up to five lawyers with leave) small enough to
 * try every rota: the exact smallest spread among valid rotas that fill as many seats.
 */
const tinyInstance = fc
  .record({
    needed: fc.integer({ min: 1, max: 2 }),
    lawyers: fc.array(fc.record({ leaveStart: fc.option(fc.integer({ min: 12, max: 16 }), { nil: undefined }), leaveDays: fc.integer({ min: 0, max: 3 }), maxPerWeek: fc.integer({ min: 1, max: 5 }) }), {
      minLength: 2,
      maxLength: 5,
    }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ needed, lawyers, seed }): RotaInstance => ({
    period: { from: '2026-10-12', to: '2026-10-16' },
    posts: [post('p', { lawyersNeeded: needed, patterns: [pattern('am', '09:00', '11:30')] })],
    lawyers: lawyers.map((l, i) =>
      lawyer(`l${i}`, {
        maxPerWeek: l.maxPerWeek,
        ...(l.leaveStart ? { leave: [{ from: `2026-10-${l.leaveStart}`, to: `2026-10-${Math.min(16, l.leaveStart + l.leaveDays)}` }] } : {}),
      }),
    ),
    calendar: { holidays: {}, makeUpDays: {} },
    seed,
  }));

/** Every way of filling the week's seats, keeping the rotas the validator accepts. */
function exactSmallestSpread(inst: RotaInstance, filled: number): number | null {
  const days = ['12', '13', '14', '15', '16'].map((d) => `2026-10-${d}`);
  const needed = inst.posts[0].lawyersNeeded;
  const ids = inst.lawyers.map((l) => l.id);
  const choices: string[][] = [[]];
  for (let a = 0; a < ids.length; a++) {
    choices.push([ids[a]]);
    if (needed === 2) for (let b = a + 1; b < ids.length; b++) choices.push([ids[a], ids[b]]);
  }
  let best: number | null = null;
  const servable = new Set(ids.filter((id) => {
    const l = inst.lawyers.find((x) => x.id === id)!;
    const leave = l.leave?.[0];
    return !leave || days.some((d) => d < leave.from || d > leave.to);
  }));
  const walk = (day: number, picked: string[][]) => {
    if (day === days.length) {
      if (picked.reduce((n, p) => n + p.length, 0) !== filled) return;
      const assignments = picked.flatMap((p, i) => p.map((lawyerId) => ({ slotId: `p:${days[i]}:0900-1130`, lawyerId })));
      const counts = [...servable].map((id) => assignments.filter((a) => a.lawyerId === id).length);
      const spread = Math.max(...counts) - Math.min(...counts);
      if (best !== null && spread >= best) return;
      if (!validateRota(inst, { assignments }).valid) return;
      best = spread;
      return;
    }
    // Leave and weekly caps prune here; the validator still judges every complete rota.
    const count = (id: string) => picked.reduce((n, p) => n + (p.includes(id) ? 1 : 0), 0);
    for (const c of choices) {
      if (c.some((id) => onLeave(id, days[day]) || count(id) >= (inst.lawyers.find((l) => l.id === id)!.maxPerWeek ?? 3))) continue;
      walk(day + 1, [...picked, c]);
    }
  };
  const onLeave = (id: string, d: string) => {
    const leave = inst.lawyers.find((l) => l.id === id)!.leave?.[0];
    return !!leave && d >= leave.from && d <= leave.to;
  };
  walk(0, []);
  return best;
}

describe('fairness lower bound', () => {
  it('when tiny rotas are tried exhaustively, then the bound never exceeds the best spread and the engine reaches it', () => {
    fc.assert(
      fc.property(tinyInstance, (inst) => {
        const result = planRota(inst);
        const exact = exactSmallestSpread(inst, result.figures.filled);
        expect(exact).not.toBeNull();
        expect(result.figures.spreadLowerBound).toBeLessThanOrEqual(exact!);
        expect(result.figures.spread).toBe(exact);
        expect(result.figures.optimal).toBe(result.figures.spread === result.figures.spreadLowerBound && result.figures.weekendSpread === result.figures.weekendSpreadLowerBound);
      }),
      { numRuns: 60, seed: 10 },
    );
  });

  it('when random instances with many posts and qualifications are planned, then the spread is never below the bound', () => {
    const arb = fc
      .record({
        posts: fc.array(fc.record({ kind: fc.constantFrom('court', 'procuratorate'), needed: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 4 }),
        lawyers: fc.array(fc.subarray(['court', 'procuratorate'] as const, { minLength: 1 }), { minLength: 2, maxLength: 9 }),
        seed: fc.integer({ min: 1, max: 1000 }),
      })
      .map(({ posts, lawyers, seed }): RotaInstance => ({
        period: { from: '2026-10-05', to: '2026-10-25' },
        posts: posts.map((p, i) => post(`p${i}`, { kind: p.kind, lawyersNeeded: p.needed })),
        lawyers: lawyers.map((kinds, i) => lawyer(`l${i}`, { qualifications: { kinds: [...kinds], districts: ['gulou'] } })),
        calendar: { holidays: {}, makeUpDays: {} },
        seed,
      }));
    let optimal = 0;
    let runs = 0;
    fc.assert(
      fc.property(arb, (inst) => {
        const f = planRota(inst).figures;
        runs++;
        if (f.optimal) optimal++;
        expect(f.spreadLowerBound).toBeLessThanOrEqual(f.spread);
        expect(f.weekendSpreadLowerBound).toBeLessThanOrEqual(f.weekendSpread);
      }),
      { numRuns: 80, seed: 3 },
    );
    expect(optimal / runs).toBeGreaterThan(0.9);
  });
});
