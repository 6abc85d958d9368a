import { expandPatternDays, followsWorkingDays } from '../../../scheduler/src/recurrence/expandPattern';
import { isoWeekday } from '../../../scheduler/src/time/localDay';
import { pattern } from '../fixtures';

describe('expandPatternDays', () => {
  it('when a weekday rule is expanded over two weeks, then it yields the ten weekdays', () => {
    const days = expandPatternDays(pattern('am', '09:00', '11:30'), '2026-10-12', '2026-10-25');
    expect(days).toHaveLength(10);
    expect(days.every((d) => isoWeekday(d) <= 5)).toBe(true);
    expect(days[0]).toBe('2026-10-12');
  });

  it('when the rule is every other Saturday, then the interval is anchored at dtstart', () => {
    const p = pattern('sat', '09:00', '12:00', { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA', dtstart: '2026-01-03' });
    expect(expandPatternDays(p, '2026-03-01', '2026-04-30')).toEqual([
      '2026-03-14',
      '2026-03-28',
      '2026-04-11',
      '2026-04-25',
    ]);
  });

  it('when a weekly rotation covers Monday-Wednesday-Friday, then only those days appear', () => {
    const p = pattern('mwf', '09:00', '12:00', { rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR' });
    expect(expandPatternDays(p, '2026-10-12', '2026-10-18')).toEqual(['2026-10-12', '2026-10-14', '2026-10-16']);
  });

  it('when EXDATE and RDATE are given, then days are removed and added', () => {
    const p = pattern('am', '09:00', '11:30', { exdates: ['2026-10-13'], rdates: ['2026-10-17', '2026-12-01'] });
    expect(expandPatternDays(p, '2026-10-12', '2026-10-18')).toEqual([
      '2026-10-12',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
      '2026-10-17',
    ]);
  });

  it('when the period starts before dtstart, then nothing precedes dtstart', () => {
    const p = pattern('am', '09:00', '11:30', { dtstart: '2026-10-14' });
    expect(expandPatternDays(p, '2026-10-12', '2026-10-16')).toEqual(['2026-10-14', '2026-10-15', '2026-10-16']);
  });

  it('when a rule is weekly on all weekdays, then it follows working days; a Saturday rule does not', () => {
    expect(followsWorkingDays(pattern('am', '09:00', '11:30'))).toBe(true);
    expect(followsWorkingDays(pattern('s', '09:00', '11:30', { rrule: 'FREQ=WEEKLY;BYDAY=SA' }))).toBe(false);
    expect(followsWorkingDays(pattern('s', '09:00', '11:30', { rrule: 'FREQ=WEEKLY;BYDAY=SA', followsWorkingDays: true }))).toBe(true);
  });

  it('when the rule has no FREQ, then it is rejected', () => {
    expect(() => expandPatternDays(pattern('x', '09:00', '10:00', { rrule: 'BYDAY=MO' }), '2026-10-01', '2026-10-31')).toThrow(/FREQ/);
  });
});
