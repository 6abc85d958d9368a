import { chinaHolidayCalendar, CHINA_HOLIDAY_YEARS, isHolidayYearLoaded } from '../../../scheduler/src/calendar/chinaHolidays';
import { dayType, mergeCalendarOverrides } from '../../../scheduler/src/calendar/overrides';
import { isoWeekday } from '../../../scheduler/src/time/localDay';

describe('Chinese holiday calendar', () => {
  const calendar = chinaHolidayCalendar();

  it('when the shipped data is read, then the official years from chinese-days are present and 2027 is not yet', () => {
    expect(CHINA_HOLIDAY_YEARS).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(isHolidayYearLoaded(2026)).toBe(true);
    expect(isHolidayYearLoaded(2027)).toBe(CHINA_HOLIDAY_YEARS.includes(2027));
  });

  it('when 2026 Spring Festival is looked up, then the whole break is a holiday and both make-up Saturdays are working days', () => {
    for (let d = 15; d <= 23; d++) expect(calendar.holidays[`2026-02-${d}`]).toBe('春节');
    expect(calendar.makeUpDays['2026-02-14']).toBe('春节调休上班');
    expect(calendar.makeUpDays['2026-02-28']).toBe('春节调休上班');
  });

  it('when 2026 National Day is looked up, then Oct 1-7 are holidays and Sep 20 and Oct 10 are make-up days', () => {
    for (let d = 1; d <= 7; d++) expect(calendar.holidays[`2026-10-0${d}`]).toBe('国庆节');
    expect(calendar.makeUpDays['2026-09-20']).toBeDefined();
    expect(calendar.makeUpDays['2026-10-10']).toBeDefined();
    expect(isoWeekday('2026-09-20')).toBe(7);
    expect(isoWeekday('2026-10-10')).toBe(6);
  });

  it('when 2026 Spring Festival is looked up, then Feb 15-23 are holidays with make-up Feb 14 and 28', () => {
    expect(Object.keys(calendar.holidays).filter((d) => d.startsWith('2026-02'))).toHaveLength(9);
    expect(calendar.makeUpDays['2026-02-14']).toBeDefined();
    expect(calendar.makeUpDays['2026-02-28']).toBeDefined();
  });

  it('when every make-up day is checked, then it falls on a weekend and is not a holiday', () => {
    for (const day of Object.keys(calendar.makeUpDays)) {
      expect(isoWeekday(day)).toBeGreaterThanOrEqual(6);
      expect(calendar.holidays[day]).toBeUndefined();
    }
  });

  it('when only 2025 is asked for, then no other year appears', () => {
    const only = chinaHolidayCalendar([2025]);
    expect(Object.keys(only.holidays).every((d) => d.startsWith('2025'))).toBe(true);
  });

  it('when staff overrides are merged, then days are added, moved and removed', () => {
    const merged = mergeCalendarOverrides(calendar, {
      holidays: { '2026-10-09': '地方假日', '2026-10-01': null },
      makeUpDays: { '2026-10-10': null, '2026-10-11': '地方调休' },
    });
    expect(merged.holidays['2026-10-09']).toBe('地方假日');
    expect(merged.holidays['2026-10-01']).toBeUndefined();
    expect(merged.makeUpDays['2026-10-10']).toBeUndefined();
    expect(merged.makeUpDays['2026-10-11']).toBe('地方调休');
    expect(calendar.holidays['2026-10-01']).toBe('国庆节');
  });

  it('when a day is classified, then holiday beats make-up beats weekend', () => {
    expect(dayType(calendar, '2026-10-03', 6)).toBe('holiday');
    expect(dayType(calendar, '2026-10-10', 6)).toBe('makeUpDay');
    expect(dayType(calendar, '2026-10-17', 6)).toBe('weekend');
    expect(dayType(calendar, '2026-10-16', 5)).toBe('workday');
  });
});
