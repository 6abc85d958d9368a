import type { PatternPreview, PreviewOccurrence } from '../../../contracts/shifts';
import { addDays, expandPatternDays, expandSlots, isoWeekday, type HolidayCalendar, type ShiftPattern } from '../../../../../scheduler/src/index';

export interface PreviewJob {
  pattern: ShiftPattern;
  timeZone: string;
  from: string;
  count: number;
  opensOnHolidays: boolean;
  opensOnMakeUpDays: boolean;
  calendar: HolidayCalendar;
}

/** Horizon of a preview: enough for a count of monthly dates, bounded for rare ones. */
const PREVIEW_DAYS = 400;

/**
 * The next dates of a pattern as the engine will plan them, with the days it skips
 * (holidays, closed rest days) and make-up working days marked. Notes are codes with
 * parameters; the client words them.
 */
export function previewPattern(job: PreviewJob): PatternPreview {
  const to = addDays(job.from, PREVIEW_DAYS);
  const slots = expandSlots({
    period: { from: job.from, to },
    posts: [
      {
        id: 'preview',
        name: 'preview',
        kind: 'court',
        district: '-',
        timeZone: job.timeZone,
        lawyersNeeded: 1,
        patterns: [job.pattern],
        opensOnHolidays: job.opensOnHolidays,
        opensOnMakeUpDays: job.opensOnMakeUpDays,
      },
    ],
    lawyers: [],
    calendar: job.calendar,
    seed: 0,
  });
  const planned = new Map(slots.map((s) => [s.day, s]));
  const raw = expandPatternDays(job.pattern, job.from, to, job.timeZone);
  const days = [...new Set([...raw, ...planned.keys()])].sort().slice(0, job.count);
  return {
    occurrences: days.map((day) => {
      const holiday = job.calendar.holidays[day];
      const makeUp = job.calendar.makeUpDays[day];
      const slot = planned.get(day);
      const base = { day, weekday: isoWeekday(day), start: job.pattern.start, end: job.pattern.end, startsAt: slot?.start ?? null, endsAt: slot?.end ?? null, nextDay: job.pattern.end <= job.pattern.start };
      if (slot) {
        const note = makeUp ? `调休上班（${makeUp}）` : holiday ? `节假日值班（${holiday}）` : null;
        const noteCode: PreviewOccurrence['noteCode'] = makeUp ? { code: 'makeUpDay', name: makeUp } : holiday ? { code: 'holidayDuty', name: holiday } : null;
        return { ...base, note, noteCode, skipped: false };
      }
      const noteCode: PreviewOccurrence['noteCode'] = holiday ? { code: 'holidayClosed', name: holiday } : { code: 'restDayClosed', name: '' };
      return { ...base, note: `${holiday ?? '休息日'}：不开放`, noteCode, skipped: true };
    }),
  };
}
