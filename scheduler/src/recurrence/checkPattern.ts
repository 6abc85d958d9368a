import { RRule } from 'rrule';
import type { EngineMessage } from '../model/messages';
import { isLocalDay, isWallTime } from '../time/localDay';
import { isKnownTimeZone } from '../time/zonedTime';
import { occursWithin } from './boundedMatch';

/**
 * The one strict check of a shift pattern, shared by the API, the client's preview (through
 * the API) and `npm run plan`. rrule's own parser forgives unknown parts, odd weekdays and
 * finer frequencies, and its expansion of a rule that never matches runs to the year 9999;
 * none of that may reach the engine.
 */

/** Years in which patterns may start and be planned. */
export const PLANNABLE_YEARS = { min: 2000, max: 2099 } as const;
/** A rule must produce a date within this many years of its first day. */
export const MATCH_HORIZON_YEARS = 10;
export const MAX_INTERVAL = 999;
export const MAX_COUNT = 10_000;

const PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYWEEKNO', 'BYYEARDAY', 'WKST']);
const FINER = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
const SUPPORTED = new Set(['DAILY', 'WEEKLY', 'MONTHLY']);
const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const BYDAY_VALUE = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_VALUE = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z?)?$/;
const RANGES: Record<string, [number, number]> = { BYMONTH: [1, 12], BYMONTHDAY: [1, 31], BYSETPOS: [1, 366], BYWEEKNO: [1, 53], BYYEARDAY: [1, 366] };

/** Rule parts upper-cased, trimmed and without an `RRULE:` prefix: how rules are stored. */
export function normalizeRule(rule: string): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((part) => part.trim() !== '')
    .map((part) => part.trim().toUpperCase())
    .join(';');
}

/** Reads a normalised rule into its parts, or says what is wrong with it. */
function readParts(rule: string): { parts: Map<string, string> } | { problem: EngineMessage } {
  if (/DTSTART|TZID|[\r\n]/.test(rule)) return { problem: { code: 'RULE_HAS_DTSTART', params: {} } };
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (eq <= 0 || value === '') return { problem: { code: 'RULE_SYNTAX', params: { part } } };
    if (!PARTS.has(key) || parts.has(key)) return { problem: { code: 'RULE_UNKNOWN_PART', params: { part: key } } };
    parts.set(key, value);
  }
  return { parts };
}

function checkParts(parts: Map<string, string>): EngineMessage | null {
  const freq = parts.get('FREQ');
  if (!freq) return { code: 'RULE_NO_FREQ', params: {} };
  if (FINER.has(freq)) return { code: 'RULE_FREQ_TOO_FINE', params: { freq } };
  if (!SUPPORTED.has(freq)) return { code: 'RULE_FREQ_UNSUPPORTED', params: { freq } };
  for (const [part, max] of [['INTERVAL', MAX_INTERVAL], ['COUNT', MAX_COUNT]] as const) {
    const value = parts.get(part);
    if (value !== undefined && (!/^\d{1,6}$/.test(value) || +value < 1 || +value > max)) return { code: 'RULE_NOT_POSITIVE', params: { part, value, max } };
  }
  const byday = parts.get('BYDAY');
  if (byday !== undefined) {
    for (const d of byday.split(',')) {
      const m = BYDAY_VALUE.exec(d);
      // An ordinal weekday (2MO, -1FR) means something only within a month.
      if (!m || (m[1] && freq !== 'MONTHLY') || /^[+-]?0/.test(d)) return { code: 'RULE_BAD_BYDAY', params: { value: byday } };
    }
  }
  for (const [part, [lo, hi]] of Object.entries(RANGES)) {
    const value = parts.get(part);
    if (value === undefined) continue;
    const ok = value.split(',').every((v) => /^[+-]?\d{1,3}$/.test(v) && Math.abs(+v) >= lo && Math.abs(+v) <= hi && (part !== 'BYMONTH' || +v > 0));
    if (!ok) return { code: 'RULE_BAD_VALUE', params: { part, value } };
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !WEEKDAY.test(wkst)) return { code: 'RULE_BAD_VALUE', params: { part: 'WKST', value: wkst } };
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const m = UNTIL_VALUE.exec(until);
    if (!m || !isLocalDay(`${m[1]}-${m[2]}-${m[3]}`) || (m[4] && (+m[5] > 23 || +m[6] > 59 || +m[7] > 59))) return { code: 'RULE_BAD_UNTIL', params: { value: until } };
    if (parts.has('COUNT')) return { code: 'RULE_COUNT_AND_UNTIL', params: {} };
  }
  return null;
}

/** A local day (e.g. a pattern's first day or a planning period's end) within the plannable years. */
export function checkDay(value: string): EngineMessage | null {
  if (!isLocalDay(value)) return { code: 'DATE_INVALID', params: { value } };
  const year = +value.slice(0, 4);
  if (year < PLANNABLE_YEARS.min || year > PLANNABLE_YEARS.max) return { code: 'DATE_OUT_OF_RANGE', params: { value, min: `${PLANNABLE_YEARS.min}-01-01`, max: `${PLANNABLE_YEARS.max}-12-31` } };
  return null;
}

export function checkTimeZone(zone: string): EngineMessage | null {
  return isKnownTimeZone(zone) ? null : { code: 'ZONE_UNKNOWN', params: { zone } };
}

/** The rule alone; `dtstart` (a valid local day) anchors the bounded search for a first date. */
export function checkRule(rule: string, dtstart: string): EngineMessage | null {
  const read = readParts(normalizeRule(rule));
  if ('problem' in read) return read.problem;
  const problem = checkParts(read.parts);
  if (problem) return problem;
  try {
    RRule.parseString(normalizeRule(rule));
  } catch {
    return { code: 'RULE_SYNTAX', params: { part: rule } };
  }
  if (!occursWithin(normalizeRule(rule), dtstart, MATCH_HORIZON_YEARS)) return { code: 'RULE_NEVER_MATCHES', params: { years: MATCH_HORIZON_YEARS } };
  return null;
}

export interface PatternToCheck {
  rrule: string;
  dtstart: string;
  start: string;
  end: string;
  exdates?: string[];
  rdates?: string[];
}

/** Everything about one pattern; the first problem found, or null. */
export function checkPattern(pattern: PatternToCheck, timeZone?: string): EngineMessage | null {
  if (timeZone !== undefined) {
    const zone = checkTimeZone(timeZone);
    if (zone) return zone;
  }
  for (const time of [pattern.start, pattern.end]) if (!isWallTime(time)) return { code: 'TIME_INVALID', params: { value: time } };
  for (const day of [pattern.dtstart, ...(pattern.exdates ?? []), ...(pattern.rdates ?? [])]) {
    const problem = checkDay(day);
    if (problem) return problem;
  }
  return checkRule(pattern.rrule, pattern.dtstart);
}

/**
 * Patterns of one post that describe the same shift: the same start and end. A slot is a
 * shift, so two such patterns would make one slot on any day both fall on; each shift must
 * have one pattern (more days go into its BYDAY or RDATE). Returns the index pairs.
 */
export function duplicateShifts(patterns: readonly { start: string; end: string }[]): { first: number; second: number }[] {
  const seen = new Map<string, number>();
  const out: { first: number; second: number }[] = [];
  patterns.forEach((p, i) => {
    const key = `${p.start}-${p.end}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push({ first, second: i });
  });
  return out;
}
