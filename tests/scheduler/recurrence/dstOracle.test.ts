import fc from 'fast-check';
import { expandSlots, type RotaInstance } from '../../../scheduler/src';
import { instance, post } from '../fixtures';

/**
 * The engine against an expansion written here from scratch: rules matched day by day,
 * wall times turned into instants by searching every quarter-hour offset with Intl, across
 * the daylight-saving changes of four zones.
 */
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'America/Santiago'];
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIMES = ['00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '09:00', '17:30', '23:30'];

const dayList = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const weekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const daysApart = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(instant: number, zone: string): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The earliest instant showing this wall time; in a gap, the wall time pushed on by the gap. */
function instantOf(day: string, time: string, zone: string): number {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const hits: number[] = [];
  for (let q = -15 * 4; q <= 15 * 4; q++) {
    const candidate = wall - q * 15 * 60_000;
    if (wallOf(candidate, zone) === `${day} ${time}`) hits.push(candidate);
  }
  if (hits.length) return Math.min(...hits);
  // In a gap: the offset in force half a day before, as a clock moving on would.
  const earlier = wall - 12 * 3_600_000;
  const offset = Date.parse(`${wallOf(earlier, zone).replace(' ', 'T')}:00Z`) - earlier;
  if (Number.isFinite(offset)) return wall - offset;
  throw new Error(`no instant for ${day} ${time} in ${zone}`);
}

const arb = fc.record({
  zone: fc.constantFrom(...ZONES),
  daily: fc.boolean(),
  byday: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  interval: fc.integer({ min: 1, max: 3 }),
  start: fc.constantFrom(...TIMES),
  end: fc.constantFrom(...TIMES),
  // Periods around the March/April and September/October/November changes of 2026.
  window: fc.constantFrom<[string, string]>(['2026-03-01', '2026-04-15'], ['2026-09-01', '2026-11-10']),
  dtOffset: fc.integer({ min: 0, max: 10 }),
});

describe('expansion across daylight-saving changes, against an independent oracle', () => {
  it('when generated patterns are expanded in zones with DST, then days and instants agree and no shift is empty', () => {
    fc.assert(
      fc.property(arb, ({ zone, daily, byday, interval, start, end, window, dtOffset }) => {
        const [from, to] = window;
        const dtstart = dayList(from, to)[dtOffset];
        const rrule = daily ? `FREQ=DAILY;INTERVAL=${interval}` : `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${byday.map((d) => CODES[d - 1]).join(',')}`;
        const inst: RotaInstance = instance({
          period: { from, to },
          posts: [post('p', { timeZone: zone, opensOnMakeUpDays: false, patterns: [{ id: 'x', rrule, dtstart, start, end }] })],
        });
        const slots = expandSlots(inst);
        // Weekly intervals count Monday-started weeks from the first day's week (WKST=MO).
        const weekOf = (day: string) => Math.floor((daysApart('2026-01-05', day) + 7 * 100) / 7);
        const expectedDays = dayList(from, to).filter((day) => {
          if (day < dtstart) return false;
          if (daily) return daysApart(dtstart, day) % interval === 0;
          return byday.includes(weekday(day)) && (weekOf(day) - weekOf(dtstart)) % interval === 0;
        });
        expect(slots.map((s) => s.day)).toEqual(expectedDays);
        for (const s of slots) {
          const startAt = Date.parse(s.start);
          const endAt = Date.parse(s.end);
          expect(startAt).toBe(instantOf(s.day, start, zone));
          expect(endAt).toBeGreaterThan(startAt);
          const endDay = end <= start ? dayList(s.day, '2026-12-31')[1] : s.day;
          const oracleEnd = instantOf(endDay, end, zone);
          // Where the written end exists after the start, it is kept as written.
          if (oracleEnd > startAt) expect(endAt).toBe(oracleEnd);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('when a shift starts in the spring-forward gap and ends at the gap’s end, then it keeps its written length', () => {
    // New York, 8 March 2026: 02:00 → 03:00. 02:30–03:00 starts at 03:30 EDT and lasts 30 minutes.
    const inst = instance({
      period: { from: '2026-03-08', to: '2026-03-08' },
      posts: [post('p', { timeZone: 'America/New_York', patterns: [{ id: 'x', rrule: 'FREQ=DAILY', dtstart: '2026-03-01', start: '02:30', end: '03:00' }] })],
    });
    const [slot] = expandSlots(inst);
    expect(slot.start).toBe('2026-03-08T07:30:00.000Z');
    expect(slot.end).toBe('2026-03-08T08:00:00.000Z');
  });

  it('when start and end are the same time, then it is a 24-hour duty', () => {
    const inst = instance({
      period: { from: '2026-10-12', to: '2026-10-12' },
      posts: [post('p', { patterns: [{ id: 'x', rrule: 'FREQ=DAILY', dtstart: '2026-10-01', start: '08:00', end: '08:00' }] })],
    });
    const [slot] = expandSlots(inst);
    expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(24 * 3_600_000);
    expect(slot.id).toBe('p:2026-10-12:0800-0800');
  });
});
