import type { Post } from '../../contracts/posts';
import type { PatternPreview, PreviewBody, PutPatternsBody, ShiftPattern } from '../../contracts/shifts';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { normalizeRule, type ShiftPattern as EnginePattern } from '../../../../scheduler/src/index';
import { checkPatternList, checkPatternRule, checkPreviewInput, normalizedPattern, patternsFromOpeningHours } from './patternRules';
import { createPreviewRunner, type PreviewRunner } from './preview/previewRunner';
import { findPatterns, findPatternsOfPosts, replacePatterns } from './shifts.repository';

export interface ShiftsDeps {
  audit: AuditService;
  calendar: CalendarService;
  getPost(id: string): Promise<Post>;
  /** Where previews are computed; a worker thread with a time limit unless given. */
  previews?: PreviewRunner;
}

function toEngine(p: Omit<ShiftPattern, 'postId' | 'revision'>): EnginePattern {
  return {
    id: p.id,
    rrule: normalizeRule(p.rrule),
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
    const post = await deps.getPost(postId);
    checkPatternList(body.patterns, post.name);
    const before = await findPatterns(postId);
    const revision = body.revision === 0 ? undefined : body.revision;
    const saved = await replacePatterns(postId, body.patterns.map(normalizedPattern), revision);
    if (!saved) {
      throw new AppError('stale_patterns', 'Someone changed these patterns first; reload and try again', 409, { revision: before?.revision ?? 0 });
    }
    await audit(actor, postId, before?.patterns ?? [], saved);
    return saved;
  }

  const audit = (actor: Actor, postId: string, before: ShiftPattern[], after: ShiftPattern[]) =>
    deps.audit.record(actor, { action: 'post.patterns', entityType: 'post', entityId: postId, before, after });

  let previews: PreviewRunner | null = deps.previews ?? null;

  /** The next occurrences of a pattern as the engine will plan them, computed off the request thread. */
  async function preview(body: PreviewBody): Promise<PatternPreview> {
    checkPatternRule(body.pattern, 0);
    checkPreviewInput(body.timeZone, body.from);
    const calendar = await deps.calendar.current();
    const pattern = toEngine({ ...body.pattern, id: 'preview', lawyersNeeded: body.pattern.lawyersNeeded ?? null });
    previews ??= createPreviewRunner();
    return previews.run({ pattern, timeZone: body.timeZone, from: body.from, count: body.count, opensOnHolidays: body.opensOnHolidays, opensOnMakeUpDays: body.opensOnMakeUpDays, calendar });
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
