import { validateRota } from '../../../scheduler/src';
import { expandSlots } from '../../../scheduler/src/recurrence/expandSlots';
import { wallTimeToInstant } from '../../../scheduler/src/time/zonedTime';
import { instance, pattern, post } from '../fixtures';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function slotsIn(timeZone: string, from: string, to: string, start = '09:00', end = '17:00', rrule = 'FREQ=DAILY') {
  return expandSlots(
    instance({
      period: { from, to },
      posts: [post('p', { timeZone, patterns: [pattern('d', start, end, { rrule, dtstart: '2026-01-01' })] })],
    }),
  );
}

describe('daylight-saving changes', () => {
  it('when London springs forward in March, then a 09:00 shift stays at 09:00 local', () => {
    const slots = slotsIn('Europe/London', '2026-03-28', '2026-03-30');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
    expect(slots.every((s) => s.localStart === '09:00')).toBe(true);
  });

  it('when London falls back in October, then a 09:00 shift stays at 09:00 local', () => {
    const slots = slotsIn('Europe/London', '2026-10-24', '2026-10-26');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-25T09:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
    ]);
  });

  it('when New York falls back in November, then a 09:00 shift stays at 09:00 local', () => {
    const slots = slotsIn('America/New_York', '2026-10-31', '2026-11-02');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('when New York springs forward in March, then a 09:00 shift stays at 09:00 local', () => {
    const slots = slotsIn('America/New_York', '2026-03-07', '2026-03-09');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('when a wall time falls in the spring-forward gap, then it moves forward by the gap', () => {
    expect(iso(wallTimeToInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(iso(wallTimeToInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
  });

  it('when a wall time happens twice at fall-back, then the first occurrence is taken', () => {
    expect(iso(wallTimeToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(iso(wallTimeToInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z'); // BST
  });

  it('when a night shift spans the transition, then its duration is the real elapsed time', () => {
    const [spring] = slotsIn('America/New_York', '2026-03-07', '2026-03-07', '22:00', '06:00');
    expect(Date.parse(spring.end) - Date.parse(spring.start)).toBe(7 * HOUR);
    const [fall] = slotsIn('Europe/London', '2026-10-24', '2026-10-24', '22:00', '06:00');
    expect(Date.parse(fall.end) - Date.parse(fall.start)).toBe(9 * HOUR);
    expect(fall.localEnd).toBe('06:00');
  });

  it('when the zone is Asia/Shanghai, then every 09:00 shift is 01:00 UTC all year', () => {
    const slots = slotsIn('Asia/Shanghai', '2026-01-01', '2026-12-31', '09:00', '11:30', 'FREQ=WEEKLY;BYDAY=MO');
    expect(slots).toHaveLength(52);
    expect(slots.every((s) => s.start.endsWith('T01:00:00.000Z'))).toBe(true);
  });

  it('when an unknown zone is used, then expansion fails clearly', () => {
    expect(() => slotsIn('Mars/Olympus', '2026-01-01', '2026-01-02')).toThrow(/time zone/);
  });
});

describe('rest across daylight-saving changes', () => {
  const london = (rules: { minRestHours: number }, from: string, to: string) =>
    instance({
      period: { from, to },
      rules,
      posts: [
        post('p', {
          timeZone: 'Europe/London',
          patterns: [
            pattern('eve', '18:00', '22:00', { rrule: 'FREQ=WEEKLY;BYDAY=SA', dtstart: '2026-01-03' }),
            pattern('am', '09:00', '12:00', { rrule: 'FREQ=WEEKLY;BYDAY=SU', dtstart: '2026-01-04' }),
          ],
        }),
      ],
    });

  it('when clocks fall back overnight, then the rest counts the extra hour', () => {
    // Saturday 22:00 BST → Sunday 09:00 GMT is 12 real hours (11 on the wall clock).
    const inst = london({ minRestHours: 12 }, '2026-10-24', '2026-10-25');
    const rota = { assignments: [{ slotId: 'p:2026-10-24:1800-2200', lawyerId: 'a' }, { slotId: 'p:2026-10-25:0900-1200', lawyerId: 'a' }] };
    expect(validateRota(inst, rota).violations.filter((v) => v.rule === 'minimumRest')).toEqual([]);
  });

  it('when clocks spring forward overnight, then the rest loses the hour', () => {
    // Saturday 22:00 GMT → Sunday 09:00 BST is 10 real hours (11 on the wall clock).
    const inst = london({ minRestHours: 10.5 }, '2026-03-28', '2026-03-29');
    const rota = { assignments: [{ slotId: 'p:2026-03-28:1800-2200', lawyerId: 'a' }, { slotId: 'p:2026-03-29:0900-1200', lawyerId: 'a' }] };
    expect(validateRota(inst, rota).violations.filter((v) => v.rule === 'minimumRest')).toHaveLength(1);
  });
});
