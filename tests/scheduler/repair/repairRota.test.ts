import { planRota, repairRota, validateRota } from '../../../scheduler/src';
import { nanjingMonth } from '../../../scheduler/bench/generateInstance';
import { instance, lawyer, pattern, post } from '../fixtures';

describe('repairRota', () => {
  const inst = instance({ lawyers: ['a', 'b', 'c', 'd', 'e'].map((id) => lawyer(id)) });
  const planned = planRota(inst);

  it('when a lawyer is removed from a time on, then only their later duties move and the rest stays', () => {
    const from = '2026-10-14T00:00:00Z';
    const result = repairRota(inst, planned.rota, { type: 'lawyerRemoved', lawyerId: 'a', from });
    const before = planned.rota.assignments;
    const aLater = before.filter((x) => x.lawyerId === 'a' && x.slotId >= 'p1:2026-10-14');
    expect(result.diff.removed).toEqual(aLater);
    expect(result.diff.added).toHaveLength(aLater.length);
    expect(result.diff.added.every((x) => x.lawyerId !== 'a')).toBe(true);
    expect(result.diff.moved).toEqual([]);
    const untouched = before.filter((x) => !aLater.includes(x));
    for (const x of untouched) expect(result.rota.assignments).toContainEqual(x);
    expect(result.violations).toEqual([]);
    expect(validateRota(result.instance, result.rota).valid).toBe(true);
  });

  it('when a lawyer takes leave for a day, then that day is re-covered and their other duties stay', () => {
    const day = planned.rota.assignments.find((x) => x.lawyerId === 'b')!.slotId.split(':')[1];
    const result = repairRota(inst, planned.rota, { type: 'lawyerLeave', lawyerId: 'b', from: day, to: day });
    expect(result.diff.removed.every((x) => x.lawyerId === 'b' && x.slotId.includes(day))).toBe(true);
    expect(result.figures?.unfilled).toBe(0);
    expect(result.instance.lawyers.find((l) => l.id === 'b')!.leave).toEqual([{ from: day, to: day }]);
  });

  it('when a post is closed for a day, then its slots and assignments that day disappear and nothing else changes', () => {
    const result = repairRota(inst, planned.rota, { type: 'postClosed', postId: 'p1', day: '2026-10-15' });
    expect(result.diff.slotsRemoved).toEqual(['p1:2026-10-15:0900-1130', 'p1:2026-10-15:1430-1730']);
    expect(result.diff.removed.every((x) => x.slotId.includes('2026-10-15'))).toBe(true);
    expect(result.diff.added).toEqual([]);
  });

  it('when a slot is added, then it is filled and reported as added', () => {
    const result = repairRota(inst, planned.rota, {
      type: 'slotAdded',
      slot: { postId: 'p1', day: '2026-10-17', start: '09:00', end: '12:00' },
    });
    expect(result.diff.slotsAdded).toEqual(['p1:2026-10-17:0900-1200']);
    expect(result.diff.added).toMatchObject([{ slotId: 'p1:2026-10-17:0900-1200' }]);
    expect(result.diff.removed).toEqual([]);
  });

  it('when nobody free can cover a vacated seat, then another duty that day moves to make room', () => {
    const tight = instance({
      period: { from: '2026-10-12', to: '2026-10-12' },
      posts: [
        post('court', { kind: 'court', patterns: [pattern('am', '09:00', '11:30')] }),
        post('pros', { kind: 'procuratorate', patterns: [pattern('am', '09:00', '11:30')] }),
      ],
      lawyers: [
        lawyer('a', { qualifications: { kinds: ['court', 'procuratorate'], districts: ['gulou'] } }),
        lawyer('b', { qualifications: { kinds: ['procuratorate'], districts: ['gulou'] } }),
        lawyer('c', { qualifications: { kinds: ['court'], districts: ['gulou'] } }),
      ],
    });
    const rota = { ...planRota(tight).rota };
    rota.assignments = [
      { slotId: 'pros:2026-10-12:0900-1130', lawyerId: 'a' },
      { slotId: 'court:2026-10-12:0900-1130', lawyerId: 'c' },
    ];
    const result = repairRota(tight, rota, { type: 'lawyerRemoved', lawyerId: 'c', from: '2026-10-12T00:00:00Z' });
    expect(result.diff).toMatchObject({
      removed: [{ slotId: 'court:2026-10-12:0900-1130', lawyerId: 'c' }],
      added: [{ slotId: 'pros:2026-10-12:0900-1130', lawyerId: 'b' }],
      moved: [{ lawyerId: 'a', fromSlotId: 'pros:2026-10-12:0900-1130', toSlotId: 'court:2026-10-12:0900-1130' }],
    });
    expect(result.figures?.unfilled).toBe(0);
  });

  it('when duties before "now" would have to move, then they are frozen', () => {
    const result = repairRota(inst, planned.rota, { type: 'lawyerRemoved', lawyerId: 'c', from: '2026-10-12T00:00:00Z' }, { now: '2026-10-14T00:00:00Z' });
    const early = planned.rota.assignments.filter((x) => x.slotId < 'p1:2026-10-14');
    for (const x of early) expect(result.rota.assignments).toContainEqual(x);
  });

  it('when five lawyers leave the Nanjing month, then only their duties move', () => {
    const month = nanjingMonth();
    const plan = planRota(month);
    const gone = month.lawyers.slice(0, 5).map((l) => l.id);
    const result = repairRota(
      month,
      plan.rota,
      gone.map((lawyerId) => ({ type: 'lawyerRemoved' as const, lawyerId, from: '2026-10-01T00:00:00+08:00' })),
    );
    expect(result.diff.removed.every((x) => gone.includes(x.lawyerId))).toBe(true);
    expect(result.diff.moved).toEqual([]);
    expect(result.diff.added).toHaveLength(result.diff.removed.length);
    expect(result.figures).toMatchObject({ hardViolations: 0, unfilled: 0 });
  });
});
