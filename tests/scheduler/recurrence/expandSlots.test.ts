import { chinaHolidayCalendar } from '../../../scheduler/src/calendar/chinaHolidays';
import { expandSlots } from '../../../scheduler/src/recurrence/expandSlots';
import { instance, pattern, post } from '../fixtures';

const calendar = chinaHolidayCalendar();

describe('expandSlots with holidays and make-up days', () => {
  it('when a weekday post is closed on holidays, then October 2026 skips 国庆 and opens on the make-up Saturday', () => {
    const slots = expandSlots(instance({ period: { from: '2026-10-01', to: '2026-10-31' }, calendar }));
    const days = [...new Set(slots.map((s) => s.day))];
    expect(days).toHaveLength(18);
    expect(days.some((d) => d >= '2026-10-01' && d <= '2026-10-07')).toBe(false);
    expect(days).toContain('2026-10-10');
    expect(slots.find((s) => s.day === '2026-10-10')?.makeUpDay).toBe(true);
    expect(slots.find((s) => s.day === '2026-10-10')?.weekendOrHoliday).toBe(false);
  });

  it('when a post does not open on make-up days, then the make-up Saturday has no slot', () => {
    const p = post('p1', { opensOnMakeUpDays: false });
    const slots = expandSlots(instance({ period: { from: '2026-10-01', to: '2026-10-31' }, calendar, posts: [p] }));
    expect(slots.some((s) => s.day === '2026-10-10')).toBe(false);
  });

  it('when a post opens on holidays, then holiday slots are marked as weekend-or-holiday', () => {
    const p = post('p1', { opensOnHolidays: true, patterns: [pattern('d', '09:00', '12:00', { rrule: 'FREQ=DAILY' })] });
    const slots = expandSlots(instance({ period: { from: '2026-10-01', to: '2026-10-07' }, calendar, posts: [p] }));
    expect(slots).toHaveLength(7);
    expect(slots.every((s) => s.holiday && s.weekendOrHoliday)).toBe(true);
  });

  it('when a Saturday-only pattern meets a make-up Saturday, then it is not doubled', () => {
    const p = post('p1', { patterns: [pattern('s', '09:00', '12:00', { rrule: 'FREQ=WEEKLY;BYDAY=SA' })] });
    const slots = expandSlots(instance({ period: { from: '2026-10-08', to: '2026-10-18' }, calendar, posts: [p] }));
    expect(slots.map((s) => s.day)).toEqual(['2026-10-10', '2026-10-17']);
  });

  it('when slots are expanded, then ids are post:day:HHmm and morning/afternoon are early/late', () => {
    const slots = expandSlots(instance());
    expect(slots[0].id).toBe('p1:2026-10-12:0900-1130');
    expect(slots[0]).toMatchObject({ early: true, late: false, start: '2026-10-12T01:00:00.000Z', end: '2026-10-12T03:30:00.000Z' });
    expect(slots[1]).toMatchObject({ id: 'p1:2026-10-12:1430-1730', early: false, late: true });
  });

  it('when the post has closed days or extra slots, then they are applied', () => {
    const slots = expandSlots(
      instance({
        posts: [post('p1', { closedDays: ['2026-10-13'] })],
        extraSlots: [{ postId: 'p1', day: '2026-10-17', start: '09:00', end: '12:00', lawyersNeeded: 2 }],
      }),
    );
    expect(slots.some((s) => s.day === '2026-10-13')).toBe(false);
    expect(slots.find((s) => s.day === '2026-10-17')).toMatchObject({ lawyersNeeded: 2, weekendOrHoliday: true });
  });
});
