import type { RRULE_WEEKDAYS as ContractWeekdays, ShiftPatternInput } from '@/api/shifts';

export type Weekday = (typeof ContractWeekdays)[number];
/** RFC 5545 weekdays, Monday first (the contract's list; the client may only import its type). */
export const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const satisfies readonly Weekday[];

/** The form's view of one shift pattern; `raw` keeps a rule the form cannot express. */
export interface PatternModel {
  label: string;
  start: string;
  end: string;
  freq: 'weekly' | 'monthly';
  interval: number;
  weekdays: Weekday[];
  monthDay: number;
  dtstart: string;
  exdates: string[];
  rdates: string[];
  lawyersNeeded: number | null;
  raw: string | null;
}

export function toRrule(m: PatternModel): string {
  if (m.raw) return m.raw;
  const interval = m.interval > 1 ? `;INTERVAL=${m.interval}` : '';
  if (m.freq === 'monthly') return `FREQ=MONTHLY${interval};BYMONTHDAY=${m.monthDay}`;
  const days = RRULE_WEEKDAYS.filter((d) => m.weekdays.includes(d));
  return `FREQ=WEEKLY${interval};BYDAY=${days.join(',')}`;
}

export function toInput(m: PatternModel): ShiftPatternInput {
  return {
    label: m.label.trim(),
    rrule: toRrule(m),
    dtstart: m.dtstart,
    start: m.start,
    end: m.end,
    exdates: [...m.exdates].sort(),
    rdates: [...m.rdates].sort(),
    lawyersNeeded: m.lawyersNeeded,
  };
}

/** Reads a stored rule back into the form; rules outside weekly/monthly-day stay raw. */
export function fromInput(p: ShiftPatternInput): PatternModel {
  const parts = new Map(
    p.rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((kv) => kv.split('=') as [string, string])
      .map(([k, v]) => [k.toUpperCase(), v ?? ''] as const),
  );
  const freq = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? 1) || 1;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY']);
  const simple = [...parts.keys()].every((k) => known.has(k));
  const weekdays = (parts.get('BYDAY') ?? '').split(',').filter((d): d is Weekday => (RRULE_WEEKDAYS as readonly string[]).includes(d));
  const monthDay = Number(parts.get('BYMONTHDAY'));
  const weekly = simple && freq === 'WEEKLY' && weekdays.length > 0 && !parts.has('BYMONTHDAY');
  // The monthly form has no interval: "every second month" stays a raw rule rather than being shown as monthly.
  const monthly = simple && freq === 'MONTHLY' && interval === 1 && Number.isInteger(monthDay) && monthDay >= 1 && monthDay <= 31 && !parts.has('BYDAY');
  return {
    label: p.label,
    start: p.start,
    end: p.end,
    freq: monthly ? 'monthly' : 'weekly',
    interval,
    weekdays: weekly ? weekdays : ['MO', 'TU', 'WE', 'TH', 'FR'],
    monthDay: monthly ? monthDay : 1,
    dtstart: p.dtstart,
    exdates: [...(p.exdates ?? [])],
    rdates: [...(p.rdates ?? [])],
    lawyersNeeded: p.lawyersNeeded ?? null,
    raw: weekly || monthly ? null : p.rrule,
  };
}

export function blankPattern(dtstart: string): PatternModel {
  return {
    label: '',
    start: '09:00',
    end: '11:30',
    freq: 'weekly',
    interval: 1,
    weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'],
    monthDay: 1,
    dtstart,
    exdates: [],
    rdates: [],
    lawyersNeeded: null,
    raw: null,
  };
}

/** Runs of consecutive weekdays, Monday first: MO,TU,WE,FR → [[1,3],[5,5]]. */
export function weekdayRuns(days: Weekday[]): [number, number][] {
  const nums = RRULE_WEEKDAYS.map((d, i) => (days.includes(d) ? i + 1 : 0)).filter((n) => n > 0);
  const runs: [number, number][] = [];
  for (const n of nums) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The rule in words: “每周一至周五 09:00–11:30”, “每两周周六 09:00–12:00”, “Every 2 weeks on Sat …”. */
export function describePattern(m: PatternModel, t: Translate): string {
  const time = m.end <= m.start ? `${m.start}–${t(m.end === m.start ? 'patterns.fullDayEnd' : 'patterns.nextDayEnd', { end: m.end })}` : `${m.start}–${m.end}`;
  if (m.raw) return `${m.raw} ${time}`;
  const n = m.interval;
  const cn = chineseCount(n);
  if (m.freq === 'monthly') return `${t(n > 1 ? 'patterns.monthlyN' : 'patterns.monthly', { n, cn, d: m.monthDay })} ${time}`;
  const days = weekdayRuns(m.weekdays)
    .map(([a, b]) => {
      const from = t(`weekday.${a}`);
      if (a === b) return from;
      if (b === a + 1) return `${from}${t('patterns.and')}${t(`weekday.${b}`)}`;
      return t('patterns.range', { from, to: t(`weekday.${b}`) });
    })
    .join(t('patterns.and'));
  return `${t(n > 1 ? 'patterns.weeklyN' : 'patterns.weekly', { n, cn, days })} ${time}`;
}

function chineseCount(n: number): string {
  const digits = ['', '', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
  return n >= 2 && n <= 10 ? digits[n]! : String(n);
}
