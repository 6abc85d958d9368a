import {
  dayPreferences,
  districtPreferences,
  fairDuties,
  fairEarlyDuties,
  fairLateDuties,
  fairWeekendHolidayDuties,
  firmBalance,
  keepPins,
  postPreferences,
  postVariety,
} from '../../../scheduler/src/rules/soft';
import { instance, lawyer, pattern, post } from '../fixtures';
import { at, verifySoft } from '../verify';

const day = (d: number, t = '0900-1130') => `p1:2026-10-${d}:${t}`;

describe('soft rules', () => {
  it('when one lawyer has three duties more than another, then fairDuties is missed by 2', () => {
    const outcome = verifySoft(fairDuties, instance(), [at('a', day(12)), at('a', day(13)), at('a', day(14)), at('b', day(15))]);
    // a: 3, b: 1, c: 0 → spread 3, best achievable 1.
    expect(outcome).toMatchObject({ penalty: 2, target: 1, actual: 3 });
  });

  it('when a lawyer cannot serve any slot, then fairness ignores them', () => {
    const inst = instance({ lawyers: [lawyer('a'), lawyer('b'), lawyer('away', { leave: [{ from: '2026-10-01', to: '2026-10-31' }] })] });
    expect(verifySoft(fairDuties, inst, [at('a', day(12)), at('b', day(13))])).toMatchObject({ penalty: 0, actual: 0 });
  });

  it('when weekend duties pile on one lawyer, then fairWeekendHolidayDuties measures the spread', () => {
    const inst = instance({
      period: { from: '2026-10-17', to: '2026-10-25' },
      posts: [post('p1', { patterns: [pattern('w', '09:00', '12:00', { rrule: 'FREQ=WEEKLY;BYDAY=SA,SU' })] })],
    });
    const outcome = verifySoft(fairWeekendHolidayDuties, inst, [at('a', day(17, '0900-1200')), at('a', day(18, '0900-1200')), at('a', day(24, '0900-1200'))]);
    expect(outcome).toMatchObject({ actual: 3, penalty: 2 });
  });

  it('when early and late duties are uneven, then the early and late goals see it', () => {
    const rota = [at('a', day(12)), at('a', day(13)), at('b', day(14, '1430-1730')), at('c', day(15, '1430-1730'))];
    expect(verifySoft(fairEarlyDuties, instance(), rota)).toMatchObject({ actual: 2, penalty: 1 });
    expect(verifySoft(fairLateDuties, instance(), rota)).toMatchObject({ actual: 1, penalty: 0 });
  });

  it('when a duty falls on an undesired weekday or misses a desired one, then dayPreferences counts 3 and 1', () => {
    const inst = instance({
      lawyers: [lawyer('a', { preferences: { undesiredWeekdays: [1] } }), lawyer('b', { preferences: { desiredWeekdays: [3] } })],
    });
    expect(verifySoft(dayPreferences, inst, [at('a', day(12)), at('b', day(13)), at('b', day(14))]).penalty).toBe(4);
  });

  it('when a lawyer is placed at an undesired post or district, then the post and district goals count it', () => {
    const inst = instance({ lawyers: [lawyer('a', { preferences: { undesiredPosts: ['p1'], desiredDistricts: ['jianye'] } })] });
    expect(verifySoft(postPreferences, inst, [at('a', day(12))]).penalty).toBe(3);
    expect(verifySoft(districtPreferences, inst, [at('a', day(12))]).penalty).toBe(1);
  });

  it('when a lawyer is at the same post more often than allowed in a month, then postVariety counts the excess', () => {
    const inst = instance({ rules: { samePostPerMonth: 2 } });
    expect(verifySoft(postVariety, inst, [at('a', day(12)), at('a', day(13)), at('a', day(14)), at('a', day(15))]).penalty).toBe(2);
  });

  it('when one firm holds most seats at a post, then firmBalance counts seats beyond its share', () => {
    const inst = instance({ lawyers: [lawyer('a', { firmId: 'f' }), lawyer('b', { firmId: 'f' }), lawyer('c', { firmId: 'g' })] });
    const rota = [at('a', day(12)), at('b', day(13)), at('a', day(14)), at('c', day(15))];
    // 3 of 4 seats, share 0.5 → 1 seat too many.
    expect(verifySoft(firmBalance, inst, rota).penalty).toBe(1);
  });

  it('when a pinned assignment is missing, then keepPins counts it', () => {
    const inst = instance({ pins: [at('a', day(12)), at('b', day(13))] });
    expect(verifySoft(keepPins, inst, [at('a', day(12))]).penalty).toBe(1);
  });
});
