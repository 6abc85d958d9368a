import { RRULE_WEEKDAYS, type ShiftPatternInput } from '../../contracts/shifts';
import type { OpeningHours } from '../../contracts/posts';
import { AppError } from '../../lib/errors';
import { parseRule } from '../../../../scheduler/src/index';

const ALLOWED_FREQ = new Set([3, 2, 1]); // RRule.DAILY, WEEKLY, MONTHLY
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYWEEKNO', 'BYYEARDAY', 'WKST']);
const BYDAY_VALUE = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

/** rrule's parser forgives unknown parts and weekdays; staff input must not be forgiven silently. */
function strictParts(rule: string): string | null {
  for (const part of rule.split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined || value === '') return `"${part}" is not KEY=VALUE`;
    if (!ALLOWED_PARTS.has(key.toUpperCase())) return `${key} is not supported`;
    if (key.toUpperCase() === 'BYDAY' && !value.split(',').every((d) => BYDAY_VALUE.test(d.toUpperCase()))) return `BYDAY ${value} is not a list of weekdays (MO…SU)`;
    if (/^(INTERVAL|COUNT)$/i.test(key) && !/^[1-9]\d{0,3}$/.test(value)) return `${key} must be a positive whole number`;
  }
  return null;
}

/**
 * Checks a staff-entered rule: it must parse, recur daily, weekly or monthly, and carry no
 * DTSTART/TZID of its own (the form gives the first day; the post gives the zone).
 */
export function checkPatternRule(pattern: ShiftPatternInput, index: number): void {
  const fail = (message: string) => {
    throw new AppError('invalid_rrule', `Pattern ${index + 1}: ${message}`, 400, { index, message });
  };
  const rule = pattern.rrule.replace(/^RRULE:/i, '');
  if (/DTSTART|TZID|\n/i.test(rule)) fail('the rule must not contain DTSTART or TZID');
  const partProblem = strictParts(rule);
  if (partProblem) fail(partProblem);
  let parsed: ReturnType<typeof parseRule>;
  try {
    parsed = parseRule(rule);
  } catch (err) {
    return fail((err as Error).message || 'the rule does not parse');
  }
  if (parsed.freq === undefined || !ALLOWED_FREQ.has(parsed.freq)) fail('FREQ must be DAILY, WEEKLY or MONTHLY');
  if (parsed.count !== undefined && parsed.count !== null && parsed.until) fail('COUNT and UNTIL cannot both be given');
  if (pattern.start === pattern.end) fail('the shift must not start and end at the same time');
}

/** A post's opening hours read as weekly patterns, used until staff write patterns of their own. */
export function patternsFromOpeningHours(hours: OpeningHours[]): ShiftPatternInput[] {
  return hours.map((h) => ({
    label: `${h.start}–${h.end}`,
    rrule: `FREQ=WEEKLY;BYDAY=${[...h.days].sort().map((d) => RRULE_WEEKDAYS[d - 1]).join(',')}`,
    dtstart: '2024-01-01',
    start: h.start,
    end: h.end,
    exdates: [],
    rdates: [],
    lawyersNeeded: null,
  }));
}
