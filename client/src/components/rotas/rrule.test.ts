import { describe, expect, it } from '@jest/globals';
import type { ShiftPatternInput } from '@/api/shifts';
import { testI18n } from '@/testing/i18n';
import { blankPattern, describePattern, fromInput, toInput, toRrule, weekdayRuns, type PatternModel } from './rrule';

const input = (rrule: string, extra: Partial<ShiftPatternInput> = {}): ShiftPatternInput => ({
  label: '上午班',
  rrule,
  dtstart: '2026-01-05',
  start: '09:00',
  end: '11:30',
  exdates: [],
  rdates: [],
  lawyersNeeded: null,
  ...extra,
});
const model = (over: Partial<PatternModel>): PatternModel => ({ ...blankPattern('2026-01-05'), ...over });

describe('toRrule', () => {
  it('When weekdays are ticked out of order, then BYDAY lists them Monday first', () => {
    expect(toRrule(model({ weekdays: ['FR', 'MO', 'WE'] }))).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
  });

  it('When the pattern repeats every other week, then INTERVAL is written', () => {
    expect(toRrule(model({ interval: 2, weekdays: ['SA'] }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=SA');
  });

  it('When the pattern is monthly, then BYMONTHDAY carries the day', () => {
    expect(toRrule(model({ freq: 'monthly', monthDay: 15 }))).toBe('FREQ=MONTHLY;BYMONTHDAY=15');
  });

  it('When the form keeps a raw rule, then that rule is written back untouched', () => {
    expect(toRrule(model({ raw: 'FREQ=DAILY;COUNT=3' }))).toBe('FREQ=DAILY;COUNT=3');
  });
});

describe('fromInput', () => {
  it('When a weekly rule is read back and written again, then nothing changes', () => {
    const stored = input('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', { exdates: ['2026-02-02', '2026-01-26'], lawyersNeeded: 2 });
    const again = toInput(fromInput(stored));
    expect(again).toEqual({ ...stored, exdates: ['2026-01-26', '2026-02-02'] });
  });

  it('When a rule starts with "RRULE:" and uses lower case keys, then the form still understands it', () => {
    expect(fromInput(input('RRULE:freq=WEEKLY;byday=TU'))).toMatchObject({ freq: 'weekly', weekdays: ['TU'], raw: null });
  });

  it('When a monthly rule names a day, then the form shows a monthly pattern on that day', () => {
    expect(fromInput(input('FREQ=MONTHLY;BYMONTHDAY=31'))).toMatchObject({ freq: 'monthly', monthDay: 31, raw: null });
  });

  it('When a rule uses parts the form cannot show, then it is kept raw rather than simplified', () => {
    for (const rule of ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', 'FREQ=MONTHLY;BYDAY=1MO', 'FREQ=MONTHLY;BYMONTHDAY=32']) {
      expect(fromInput(input(rule)).raw).toBe(rule);
    }
  });

  it('When the label has spaces around it, then they are trimmed on the way out', () => {
    expect(toInput(model({ label: '  下午班 ' })).label).toBe('下午班');
  });
});

describe('weekdayRuns', () => {
  it('When days are consecutive, then they form one run; a gap starts another', () => {
    expect(weekdayRuns(['MO', 'TU', 'WE', 'FR'])).toEqual([
      [1, 3],
      [5, 5],
    ]);
    expect(weekdayRuns([])).toEqual([]);
  });
});

describe('describePattern', () => {
  const zh = testI18n('zh-CN').global.t as (k: string, p?: Record<string, unknown>) => string;
  const en = testI18n('en').global.t as (k: string, p?: Record<string, unknown>) => string;

  it('When weekdays run Monday to Friday, then Chinese reads as one range', () => {
    expect(describePattern(model({ weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] }), zh)).toBe('每周一至五 09:00–11:30');
  });

  it('When the rule repeats every two weeks, then Chinese says 两 and English says 2', () => {
    const m = model({ interval: 2, weekdays: ['SA'], start: '09:00', end: '12:00' });
    expect(describePattern(m, zh)).toBe('每两周周六 09:00–12:00');
    expect(describePattern(m, en)).toMatch(/^Every 2 weeks.*Sat.* 09:00–12:00$/);
  });

  it('When two days are adjacent, then they are joined rather than written as a range', () => {
    expect(describePattern(model({ weekdays: ['MO', 'TU', 'TH'] }), zh)).toBe('每周一、二、四 09:00–11:30');
  });

  it('When the rule is monthly, then the day of the month is named', () => {
    expect(describePattern(model({ freq: 'monthly', monthDay: 5 }), zh)).toBe('每月5日 09:00–11:30');
  });

  it('When the rule is raw, then it is shown as it is', () => {
    expect(describePattern(model({ raw: 'FREQ=DAILY' }), zh)).toBe('FREQ=DAILY 09:00–11:30');
  });
});
