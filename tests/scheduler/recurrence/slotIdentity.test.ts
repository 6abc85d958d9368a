import fc from 'fast-check';
import { expandPatternDays, expandSlots, parseRotaInstance, type RotaInstance, type ShiftPattern } from '../../../scheduler/src';
import { instance, lawyer, post } from '../fixtures';

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const CALENDAR = {
  holidays: { '2026-10-01': '国庆节', '2026-10-02': '国庆节', '2026-10-05': '国庆节' },
  makeUpDays: { '2026-09-27': '国庆节调休上班', '2026-10-10': '国庆节调休上班' },
};

/** A weekday of a local day, 1 = Monday, computed without the engine. */
const weekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** What a weekly pattern expands to, counted day by day as the README defines it. */
function oracleDays(p: ShiftPattern & { byday: number[]; until?: string }, from: string, to: string, opensOnMakeUpDays: boolean): string[] {
  const followsWorkingDays = [1, 2, 3, 4, 5].every((d) => p.byday.includes(d));
  return days(from, to).filter((day) => {
    if (day < p.dtstart || (p.until && day > p.until)) return false;
    if (CALENDAR.holidays[day as keyof typeof CALENDAR.holidays]) return false;
    if (p.byday.includes(weekday(day))) return true;
    return opensOnMakeUpDays && followsWorkingDays && CALENDAR.makeUpDays[day as keyof typeof CALENDAR.makeUpDays] !== undefined;
  });
}

const START_TIMES = ['08:30', '09:00', '14:30'];
const END_TIMES = ['11:30', '12:00', '17:30', '08:00'];

const patternSet = fc
  .array(
    fc.record({
      byday: fc.oneof(fc.constant<number[]>([1, 2, 3, 4, 5]), fc.subarray<number>([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })),
      start: fc.constantFrom(...START_TIMES),
      end: fc.constantFrom(...END_TIMES),
      startDay: fc.integer({ min: 0, max: 20 }),
      untilDay: fc.option(fc.integer({ min: 5, max: 30 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((list) => {
    const seen = new Set<string>();
    return list
      .filter((p) => {
        const key = `${p.start}-${p.end}`;
        if (p.start === p.end || seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((p, i) => {
        const dtstart = days('2026-09-21', '2026-10-20')[p.startDay];
        const until = p.untilDay !== undefined ? days('2026-09-21', '2026-10-25')[p.untilDay] : undefined;
        const rule = `FREQ=WEEKLY;BYDAY=${p.byday.map((d) => WEEKDAY_CODES[d - 1]).join(',')}${until ? `;UNTIL=${until.replace(/-/g, '')}` : ''}`;
        return { id: `p${i}`, rrule: rule, dtstart, start: p.start, end: p.end, byday: p.byday, until };
      });
  });

describe('a slot is a shift', () => {
  it('when random pattern sets with shared starts and make-up days are expanded, then every expanded day is one slot', () => {
    fc.assert(
      fc.property(patternSet, fc.boolean(), (patterns, opensOnMakeUpDays) => {
        const inst: RotaInstance = instance({
          period: { from: '2026-09-21', to: '2026-10-20' },
          calendar: CALENDAR,
          posts: [post('p', { opensOnMakeUpDays, patterns: patterns.map(({ byday: _b, until: _u, ...p }) => p) })],
        });
        const slots = expandSlots(inst);
        const expected = patterns.reduce((n, p) => n + oracleDays(p, '2026-09-21', '2026-10-20', opensOnMakeUpDays).length, 0);
        expect(slots).toHaveLength(expected);
        expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
        for (const s of slots) expect(Date.parse(s.end)).toBeGreaterThan(Date.parse(s.start));
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('when a weekday 09:00–11:30 and a Saturday 09:00–12:00 meet on a make-up Saturday, then both shifts are kept', () => {
    const inst = instance({
      period: { from: '2026-10-10', to: '2026-10-10' },
      calendar: CALENDAR,
      posts: [
        post('p', {
          patterns: [
            { id: 'wd', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-01-05', start: '09:00', end: '11:30' },
            { id: 'sa', rrule: 'FREQ=WEEKLY;BYDAY=SA', dtstart: '2026-01-03', start: '09:00', end: '12:00' },
          ],
        }),
      ],
    });
    expect(expandSlots(inst).map((s) => s.id)).toEqual(['p:2026-10-10:0900-1130', 'p:2026-10-10:0900-1200']);
  });

  it('when an instance file repeats a shift at a post, then it is refused with the post and both patterns', () => {
    const parsed = parseRotaInstance(
      instance({
        posts: [
          post('p', {
            patterns: [
              { id: 'wd', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-01-05', start: '09:00', end: '11:30' },
              { id: 'sa', rrule: 'FREQ=WEEKLY;BYDAY=SA', dtstart: '2026-01-03', start: '09:00', end: '11:30' },
            ],
          }),
        ],
        lawyers: [lawyer('a')],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([expect.objectContaining({ path: 'posts.0.patterns.1.start', detail: { code: 'DUPLICATE_SHIFT', params: expect.objectContaining({ post: 'p', first: 'wd', pattern: 'sa' }) } })]);
  });
});

describe('make-up days, UNTIL and COUNT', () => {
  const weekdays = (extra: Partial<ShiftPattern>): ShiftPattern => ({ id: 'wd', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', dtstart: '2026-01-05', start: '09:00', end: '11:30', ...extra });
  const slotDays = (p: ShiftPattern) =>
    expandSlots(instance({ period: { from: '2026-09-21', to: '2026-10-20' }, calendar: CALENDAR, posts: [post('p', { patterns: [p] })] })).map((s) => s.day);

  it('when a pattern starts after a make-up Saturday, then that Saturday is not worked', () => {
    expect(slotDays(weekdays({ dtstart: '2026-10-12' }))).not.toContain('2026-10-10');
  });

  it('when a rule ended before a make-up Saturday, then that Saturday is not worked', () => {
    expect(slotDays(weekdays({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260930' }))).not.toContain('2026-10-10');
  });

  it('when a rule has COUNT=3, then only make-up days within its three dates are added', () => {
    expect(slotDays(weekdays({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=3', dtstart: '2026-10-07' }))).toEqual(['2026-10-07', '2026-10-08', '2026-10-09']);
    expect(slotDays(weekdays({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=3', dtstart: '2026-10-09' }))).toEqual(['2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
  });

  it('when UNTIL is written in UTC, then it is compared as an instant (RFC 5545 gives 113 dates)', () => {
    const p: ShiftPattern = { id: 'x', rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z', dtstart: '1997-09-02', start: '09:00', end: '10:00' };
    const list = expandPatternDays(p, '1997-09-01', '1998-01-31', 'America/New_York');
    expect(list).toHaveLength(113);
    expect(list[list.length - 1]).toBe('1997-12-23');
  });

  it('when rule parts are in lower case, then the rule expands as upper case', () => {
    const p: ShiftPattern = { id: 'x', rrule: 'freq=weekly;byday=sa', dtstart: '2026-10-03', start: '09:00', end: '10:00' };
    expect(expandPatternDays(p, '2026-10-01', '2026-10-20')).toEqual(['2026-10-03', '2026-10-10', '2026-10-17']);
  });
});
