import { addDays, epochDay, isoWeekday } from '../time/localDay';

/**
 * Whether a (checked, normalised) DAILY/WEEKLY/MONTHLY rule produces any date within
 * `years` of `dtstart`, found period by period without rrule: rrule looks for the next
 * match until the year 9999, which froze the server on a rule that never matches.
 * BYWEEKNO is not narrowed here (it can only make the answer "yes" too often, never "no").
 */
export function occursWithin(rule: string, dtstart: string, years: number): boolean {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = parts.get('FREQ')!;
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const list = (key: string) => (parts.get(key) ?? '').split(',').filter(Boolean);
  const byMonth = list('BYMONTH').map(Number);
  const byMonthDay = list('BYMONTHDAY').map(Number);
  const byYearDay = list('BYYEARDAY').map(Number);
  const bySetPos = list('BYSETPOS').map(Number);
  const byDay = list('BYDAY').map((d) => {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d)!;
    return { n: m[1] ? Number(m[1]) : 0, weekday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(m[2]) + 1 };
  });
  const wkst = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(parts.get('WKST') ?? 'MO') + 1;
  const untilText = parts.get('UNTIL');
  // UNTIL read as a local day is at most a day off either way; enough for "any date at all".
  const lastDay = untilText ? `${untilText.slice(0, 4)}-${untilText.slice(4, 6)}-${untilText.slice(6, 8)}` : null;
  const horizon = addDays(dtstart, Math.round(years * 365.25));
  const end = lastDay && addDays(lastDay, 1) < horizon ? addDays(lastDay, 1) : horizon;

  // As rrule does: with no day-picking part, the first day's weekday or day of month is meant.
  const picksDays = byDay.length || byMonthDay.length || byYearDay.length || parts.has('BYWEEKNO');
  const defaultWeekday = freq === 'WEEKLY' && !picksDays ? isoWeekday(dtstart) : 0;
  const defaultMonthDay = freq === 'MONTHLY' && !picksDays ? +dtstart.slice(8, 10) : 0;

  const matches = (day: string): boolean => {
    const y = +day.slice(0, 4);
    const month = +day.slice(5, 7);
    const dom = +day.slice(8, 10);
    const wd = isoWeekday(day);
    const monthLength = new Date(Date.UTC(y, month, 0)).getUTCDate();
    if (byMonth.length && !byMonth.includes(month)) return false;
    if (defaultWeekday && wd !== defaultWeekday) return false;
    if (defaultMonthDay && dom !== defaultMonthDay) return false;
    if (byMonthDay.length && !byMonthDay.some((n) => (n > 0 ? n === dom : monthLength + n + 1 === dom))) return false;
    if (byYearDay.length) {
      const yearLength = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
      const doy = epochDay(day) - epochDay(`${y}-01-01`) + 1;
      if (!byYearDay.some((n) => (n > 0 ? n === doy : yearLength + n + 1 === doy))) return false;
    }
    if (byDay.length) {
      const nth = Math.ceil(dom / 7);
      const nthFromEnd = -Math.ceil((monthLength - dom + 1) / 7);
      if (!byDay.some((b) => b.weekday === wd && (b.n === 0 || (freq === 'MONTHLY' && (b.n === nth || b.n === nthFromEnd))))) return false;
    }
    return true;
  };

  const periodDays = (first: string): string[] => {
    if (freq === 'DAILY') return [first];
    if (freq === 'WEEKLY') return Array.from({ length: 7 }, (_, i) => addDays(first, i));
    const length = new Date(Date.UTC(+first.slice(0, 4), +first.slice(5, 7), 0)).getUTCDate();
    return Array.from({ length }, (_, i) => addDays(first, i));
  };
  const firstPeriod = (): string => {
    if (freq === 'DAILY') return dtstart;
    if (freq === 'WEEKLY') return addDays(dtstart, -((isoWeekday(dtstart) - wkst + 7) % 7));
    return `${dtstart.slice(0, 8)}01`;
  };
  const nextPeriod = (first: string): string => {
    if (freq === 'DAILY') return addDays(first, interval);
    if (freq === 'WEEKLY') return addDays(first, 7 * interval);
    const m = +first.slice(0, 4) * 12 + (+first.slice(5, 7) - 1) + interval;
    return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  };

  for (let first = firstPeriod(); first < end; first = nextPeriod(first)) {
    let candidates = periodDays(first).filter(matches);
    if (bySetPos.length) candidates = bySetPos.map((n) => candidates[n > 0 ? n - 1 : candidates.length + n]).filter((d): d is string => d !== undefined);
    if (candidates.some((d) => d >= dtstart && d < end)) return true;
  }
  return false;
}
