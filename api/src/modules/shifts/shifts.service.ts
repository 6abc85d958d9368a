import type { Post } from '../../contracts/posts';
import type { PatternPreview, PreviewBody, PutPatternsBody, ShiftPattern } from '../../contracts/shifts';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { addDays, expandPatternDays, expandSlots, isoWeekday, type ShiftPattern as EnginePattern } from '../../../../scheduler/src/index';
import { checkPatternRule, patternsFromOpeningHours } from './patternRules';
import { findPatterns, findPatternsOfPosts, replacePatterns } from './shifts.repository';

export interface ShiftsDeps {
  audit: AuditService;
  calendar: CalendarService;
  getPost(id: string): Promise<Post>;
}

function toEngine(p: Omit<ShiftPattern, 'postId' | 'revision'>): EnginePattern {
  return {
    id: p.id,
    rrule: p.rrule,
    dtstart: p.dtstart,
    start: p.start,
    end: p.end,
    exdates: p.exdates,
    rdates: p.rdates,
    ...(p.lawyersNeeded ? { lawyersNeeded: p.lawyersNeeded } : {}),
  };
}

export function createShiftsService(deps: ShiftsDeps) {
  /** Stored patterns, or the post's opening hours read as patterns (revision 0) when none are stored. */
  async function list(postId: string): Promise<ShiftPattern[]> {
    const post = await deps.getPost(postId);
    const stored = await findPatterns(postId);
    if (stored) return stored.patterns;
    return patternsFromOpeningHours(post.openingHours).map((p, i) => ({
      ...p,
      id: `hours-${i}`,
      postId,
      lawyersNeeded: null,
      revision: 0,
    }));
  }

  async function put(actor: Actor, postId: string, body: PutPatternsBody): Promise<ShiftPattern[]> {
    await deps.getPost(postId);
    body.patterns.forEach(checkPatternRule);
    const before = await findPatterns(postId);
    const revision = body.revision === 0 ? undefined : body.revision;
    const saved = await replacePatterns(postId, body.patterns, revision);
    if (!saved) {
      throw new AppError('stale_patterns', 'Someone changed these patterns first; reload and try again', 409, { revision: before?.revision ?? 0 });
    }
    await audit(actor, postId, before?.patterns ?? [], saved);
    return saved;
  }

  const audit = (actor: Actor, postId: string, before: ShiftPattern[], after: ShiftPattern[]) =>
    deps.audit.record(actor, { action: 'post.patterns', entityType: 'post', entityId: postId, before, after });

  /** The next occurrences of a pattern as the engine will plan them, with skipped holidays noted. */
  async function preview(body: PreviewBody): Promise<PatternPreview> {
    checkPatternRule(body.pattern, 0);
    const calendar = await deps.calendar.current();
    const to = addDays(body.from, 400);
    const engine = toEngine({ ...body.pattern, id: 'preview', lawyersNeeded: body.pattern.lawyersNeeded ?? null });
    const slots = expandSlots({
      period: { from: body.from, to },
      posts: [
        {
          id: 'preview',
          name: 'preview',
          kind: 'court',
          district: '-',
          timeZone: body.timeZone,
          lawyersNeeded: 1,
          patterns: [engine],
          opensOnHolidays: body.opensOnHolidays,
          opensOnMakeUpDays: body.opensOnMakeUpDays,
        },
      ],
      lawyers: [],
      calendar,
      seed: 0,
    });
    const planned = new Set(slots.map((s) => s.day));
    const raw = expandPatternDays(engine, body.from, to);
    const days = [...new Set([...raw, ...planned])].sort();
    const occurrences = [];
    for (const day of days) {
      if (occurrences.length >= body.count) break;
      const holiday = calendar.holidays[day];
      const makeUp = calendar.makeUpDays[day];
      if (planned.has(day)) {
        occurrences.push({ day, weekday: isoWeekday(day), start: body.pattern.start, end: body.pattern.end, note: makeUp ? `调休上班（${makeUp}）` : holiday ? `节假日值班（${holiday}）` : null });
      } else {
        occurrences.push({ day, weekday: isoWeekday(day), start: body.pattern.start, end: body.pattern.end, note: `${holiday ?? '休息日'}：不开放` });
      }
    }
    return { occurrences: occurrences.map((o) => ({ ...o, skipped: !planned.has(o.day) })) };
  }

  /** Engine patterns for each post, for planning. */
  async function forPlanning(posts: Post[]): Promise<Map<string, EnginePattern[]>> {
    const stored = await findPatternsOfPosts(posts.map((p) => p.id));
    const out = new Map<string, EnginePattern[]>();
    for (const post of posts) {
      const list = stored.get(post.id) ?? patternsFromOpeningHours(post.openingHours).map((p, i) => ({ ...p, id: `hours-${i}`, lawyersNeeded: null }));
      out.set(post.id, list.map((p) => toEngine({ ...p, lawyersNeeded: p.lawyersNeeded ?? null })));
    }
    return out;
  }

  return { list, put, preview, forPlanning };
}

export type ShiftsService = ReturnType<typeof createShiftsService>;
