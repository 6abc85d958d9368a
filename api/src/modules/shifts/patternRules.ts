import { RRULE_WEEKDAYS, type ShiftPatternInput } from '../../contracts/shifts';
import type { OpeningHours } from '../../contracts/posts';
import { AppError } from '../../lib/errors';
import { checkDay, checkPattern, checkTimeZone, duplicateShifts, normalizeRule, renderMessage, type EngineMessage } from '../../../../scheduler/src/index';

/**
 * Staff input is checked by the engine's own strict check (the same one `npm run plan`
 * uses), so what the API stores the engine can always expand. Errors carry the engine's
 * code and parameters; the client renders them in the reader's language.
 */
function refuse(code: 'invalid_rrule' | 'duplicate_shift' | 'invalid_preview', index: number | null, detail: EngineMessage): never {
  const where = index === null ? '' : `Pattern ${index + 1}: `;
  throw new AppError(code, `${where}${renderMessage(detail, 'en')}`, 400, { index, reason: detail.code, params: detail.params, message: renderMessage(detail, 'en') });
}

export function checkPatternRule(pattern: ShiftPatternInput, index: number): void {
  const problem = checkPattern(pattern);
  if (problem) refuse('invalid_rrule', index, problem);
}

/** The whole list a post would have: each pattern, then no two for the same shift. */
export function checkPatternList(patterns: ShiftPatternInput[], postName: string): void {
  patterns.forEach(checkPatternRule);
  const [dup] = duplicateShifts(patterns);
  if (dup) {
    const p = patterns[dup.second];
    refuse('duplicate_shift', dup.second, { code: 'DUPLICATE_SHIFT', params: { post: postName, start: p.start, end: p.end, first: dup.first + 1, pattern: dup.second + 1 } });
  }
}

/** A preview's zone and first day, besides its pattern. */
export function checkPreviewInput(timeZone: string, from: string): void {
  const problem = checkTimeZone(timeZone) ?? checkDay(from);
  if (problem) refuse('invalid_preview', null, problem);
}

/** Patterns as stored: rule parts upper-cased, no `RRULE:` prefix. */
export function normalizedPattern<T extends ShiftPatternInput>(pattern: T): T {
  return { ...pattern, rrule: normalizeRule(pattern.rrule) };
}

/**
 * A post's opening hours read as weekly patterns, used until staff write patterns of their
 * own. Hours with the same span on different days are one shift, hence one pattern.
 */
export function patternsFromOpeningHours(hours: OpeningHours[]): ShiftPatternInput[] {
  const bySpan = new Map<string, OpeningHours>();
  for (const h of hours) {
    const key = `${h.start}-${h.end}`;
    const seen = bySpan.get(key);
    bySpan.set(key, seen ? { ...seen, days: [...new Set([...seen.days, ...h.days])] } : h);
  }
  return [...bySpan.values()].map((h) => ({
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
