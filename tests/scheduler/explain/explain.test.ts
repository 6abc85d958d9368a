import { planRota } from '../../../scheduler/src';
import { instance, lawyer, post } from '../fixtures';

describe('explanations', () => {
  it('when all qualified lawyers are on leave, then the unfilled slot says so in both languages', () => {
    const away = { leave: [{ from: '2026-10-12', to: '2026-10-16' }] };
    const result = planRota(instance({ lawyers: [lawyer('a', away), lawyer('b', away), lawyer('c', away)] }));
    expect(result.unfilled).toHaveLength(10);
    expect(result.unfilled[0]).toMatchObject({
      code: 'ALL_QUALIFIED_BLOCKED',
      qualified: 3,
      eliminated: { noLeave: 3 },
      message: '3 qualified lawyers, all on leave',
      messageZh: '3名具备资格的律师均请假',
    });
  });

  it('when nobody is qualified for a post, then the code is NO_QUALIFIED_LAWYER', () => {
    const result = planRota(instance({ posts: [post('p1', { district: 'gaochun' })] }));
    expect(result.unfilled[0]).toMatchObject({ code: 'NO_QUALIFIED_LAWYER', qualified: 0 });
  });

  it('when reasons are mixed, then each rule is counted', () => {
    const inst = instance({
      period: { from: '2026-10-12', to: '2026-10-12' },
      lawyers: [lawyer('a'), lawyer('b', { unavailable: [{ from: '2026-10-12', to: '2026-10-12' }] })],
      posts: [post('p1', { lawyersNeeded: 2 })],
    });
    const result = planRota(inst);
    const morning = result.unfilled.find((u) => u.localStart === '09:00')!;
    expect(morning.missing).toBe(1);
    expect(Object.keys(morning.eliminated).sort()).toEqual(['alreadyInSlot', 'noUnavailability']);
  });

  it('when duties cannot be spread evenly, then the missed goal says by how much', () => {
    // Two lawyers, one of whom can only serve Monday: spread cannot reach 1.
    const inst = instance({
      lawyers: [lawyer('a'), lawyer('b', { leave: [{ from: '2026-10-13', to: '2026-10-16' }] })],
      rules: { maxPerWeek: 7 },
    });
    const result = planRota(inst);
    const missed = result.softGoalsMissed.find((g) => g.rule === 'fairDuties')!;
    expect(missed.missedBy).toBe(missed.actual - 1);
    expect(missed.actual).toBeGreaterThan(1);
  });

  it('when a rota is planned, then the fairness summary compares each lawyer with the mean', () => {
    const result = planRota(instance({ lawyers: ['a', 'b', 'c', 'd'].map((id) => lawyer(id)) }));
    expect(result.fairness.lawyersWhoCouldServe).toBe(4);
    expect(result.fairness.mean.duties).toBe(2.5);
    const a = result.fairness.lawyers.find((l) => l.lawyerId === 'a')!;
    expect(a.dutiesVsMean).toBe(a.duties - 2.5);
    expect(a.early + a.late).toBe(a.duties);
  });
});
