import { describe, expect, it } from '@jest/globals';
import { addDays, daysBetween, isoDay, monthRange, nextMonth, weekdayOf } from './days';

describe('calendar-day helpers', () => {
  it('When today is in December, then next month is January of the next year', () => {
    expect(nextMonth(new Date(2026, 11, 15))).toBe('2027-01');
  });

  it('When the month is February of a leap year, then it ends on the 29th', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('When a range spans a month end, then every day is listed once, both ends included', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-02-02', '2026-02-01')).toEqual([]);
  });

  it('When the day is a Sunday, then its ISO weekday is 7; a Monday is 1', () => {
    expect(weekdayOf('2026-03-01')).toBe(7);
    expect(weekdayOf('2026-03-02')).toBe(1);
  });

  it('When days are added across a year end or subtracted, then the calendar day is right', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('When a local date is printed, then it is zero-padded YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
