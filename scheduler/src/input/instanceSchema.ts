import { z } from 'zod';
import { renderMessage, type EngineMessage } from '../explain/messages';
import { checkDay, checkRule, duplicateShifts, PLANNABLE_YEARS } from '../recurrence/checkPattern';
import { isLocalDay, isWallTime } from '../time/localDay';
import { isKnownTimeZone } from '../time/zonedTime';
import { POST_KINDS, type RotaInstance } from '../model/types';

const day = z.string().refine(isLocalDay, { message: 'expected a local day YYYY-MM-DD' });
const time = z.string().refine(isWallTime, { message: 'expected a wall time HH:mm' });
const dayOrInstant = z
  .string()
  .refine((v) => (v.length === 10 ? isLocalDay(v) : !Number.isNaN(Date.parse(v)) && /T.*(Z|[+-]\d\d:\d\d)$/.test(v)), {
    message: 'expected a local day YYYY-MM-DD or an ISO instant with zone (e.g. 2026-10-01T00:00:00Z)',
  });
const rrule = z.string().min(1);
const count = z.number().int().min(0);

const absence = z.object({ from: dayOrInstant, to: dayOrInstant, reason: z.string().optional() });

const pattern = z.object({
  id: z.string().min(1),
  rrule,
  dtstart: day,
  start: time,
  end: time,
  exdates: z.array(day).optional(),
  rdates: z.array(day).optional(),
  lawyersNeeded: count.optional(),
  followsWorkingDays: z.boolean().optional(),
});

const post = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(POST_KINDS as [string, ...string[]]),
  district: z.string().min(1),
  timeZone: z.string().refine(isKnownTimeZone, { message: 'expected an IANA time zone such as Asia/Shanghai' }),
  lawyersNeeded: count,
  patterns: z.array(pattern),
  opensOnHolidays: z.boolean(),
  opensOnMakeUpDays: z.boolean(),
  closedDays: z.array(day).optional(),
});

const weekdays = z.array(z.number().int().min(1).max(7)).optional();
const lawyer = z.object({
  id: z.string().min(1),
  name: z.string(),
  firmId: z.string(),
  status: z.enum(['active', 'suspended', 'removed']),
  eligible: z.boolean(),
  qualifications: z.object({ kinds: z.array(z.enum(POST_KINDS as [string, ...string[]])), districts: z.array(z.string()) }),
  leave: z.array(absence).optional(),
  unavailable: z.array(absence).optional(),
  maxPerWeek: count.optional(),
  maxPerMonth: count.optional(),
  preferences: z
    .object({
      desiredWeekdays: weekdays,
      undesiredWeekdays: weekdays,
      desiredDays: z.array(day).optional(),
      undesiredDays: z.array(day).optional(),
      desiredPosts: z.array(z.string()).optional(),
      undesiredPosts: z.array(z.string()).optional(),
      desiredDistricts: z.array(z.string()).optional(),
      undesiredDistricts: z.array(z.string()).optional(),
    })
    .optional(),
});

const rules = z
  .object({
    minRestHours: z.number().min(0),
    maxPerWeek: count,
    maxPerMonth: count,
    earlyStartsBefore: time,
    lateEndsAfter: time,
    samePostPerMonth: count,
    maxFirmShareAtPost: z.number().min(0).max(1),
    swapRequiresSameFirm: z.boolean(),
    weights: z.record(z.string(), z.number().min(0)),
  })
  .partial();

const assignment = z.object({ slotId: z.string(), lawyerId: z.string(), pinned: z.boolean().optional() });

export const rotaInstanceSchema = z
  .object({
    period: z.object({ from: day, to: day }),
    posts: z.array(post),
    lawyers: z.array(lawyer),
    calendar: z.object({ holidays: z.record(day, z.string()), makeUpDays: z.record(day, z.string()) }),
    rules: rules.optional(),
    pins: z.array(assignment).optional(),
    extraSlots: z.array(z.object({ postId: z.string(), day, start: time, end: time, lawyersNeeded: count.optional() })).optional(),
    seed: z.number().int(),
  })
  .superRefine((inst, ctx) => {
    const issue = (path: (string | number)[], detail: EngineMessage) => ctx.addIssue({ code: 'custom', path, message: renderMessage(detail, 'en'), params: detail });
    if (inst.period.from > inst.period.to) issue(['period'], { code: 'RANGE_REVERSED', params: { from: inst.period.from, to: inst.period.to } });
    for (const key of ['from', 'to'] as const) {
      const problem = checkDay(inst.period[key]);
      if (problem) issue(['period', key], problem);
    }
    inst.posts.forEach((post, i) => {
      post.patterns.forEach((pattern, j) => {
        const at = (field: string, problem: EngineMessage) => issue(['posts', i, 'patterns', j, field], { code: problem.code, params: { ...problem.params, post: post.id, pattern: pattern.id } });
        const dayProblem = isLocalDay(pattern.dtstart) ? checkDay(pattern.dtstart) : null;
        if (dayProblem) at('dtstart', dayProblem);
        // The rule's own problems are told even when its first day is wrong too.
        const ruleProblem = checkRule(pattern.rrule, isLocalDay(pattern.dtstart) && !dayProblem ? pattern.dtstart : `${PLANNABLE_YEARS.min + 26}-01-01`);
        if (ruleProblem) at('rrule', ruleProblem);
      });
      for (const { first, second } of duplicateShifts(post.patterns)) {
        const p = post.patterns[second];
        issue(['posts', i, 'patterns', second, 'start'], { code: 'DUPLICATE_SHIFT', params: { post: post.id, start: p.start, end: p.end, first: post.patterns[first].id, pattern: p.id } });
      }
    });
    inst.lawyers.forEach((l, i) => {
      for (const key of ['leave', 'unavailable'] as const) {
        l[key]?.forEach((a, j) => {
          const reversed = a.from.length === a.to.length ? a.from > a.to : Date.parse(a.from.length === 10 ? `${a.from}T00:00:00Z` : a.from) > Date.parse(a.to.length === 10 ? `${a.to}T23:59:59Z` : a.to);
          if (reversed) issue(['lawyers', i, key, j], { code: 'RANGE_REVERSED', params: { from: a.from, to: a.to } });
        });
      }
    });
    const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of duplicates(inst.posts.map((p) => p.id))) ctx.addIssue({ code: 'custom', path: ['posts'], message: `duplicate post id ${id}` });
    for (const id of duplicates(inst.lawyers.map((l) => l.id))) ctx.addIssue({ code: 'custom', path: ['lawyers'], message: `duplicate lawyer id ${id}` });
    const postIds = new Set(inst.posts.map((p) => p.id));
    const lawyerIds = new Set(inst.lawyers.map((l) => l.id));
    inst.extraSlots?.forEach((s, i) => {
      if (!postIds.has(s.postId)) ctx.addIssue({ code: 'custom', path: ['extraSlots', i, 'postId'], message: `unknown post ${s.postId}` });
    });
    inst.pins?.forEach((pin, i) => {
      if (!lawyerIds.has(pin.lawyerId)) ctx.addIssue({ code: 'custom', path: ['pins', i, 'lawyerId'], message: `unknown lawyer ${pin.lawyerId}` });
    });
  });

export interface InstanceIssue {
  path: string;
  message: string;
  /** The problem as a code with parameters, when the engine has one for it. */
  detail?: EngineMessage;
}

/** Parses an instance read from a file or a request, with one readable issue per problem. */
export function parseRotaInstance(input: unknown): { ok: true; instance: RotaInstance } | { ok: false; issues: InstanceIssue[] } {
  const result = rotaInstanceSchema.safeParse(input);
  if (result.success) return { ok: true, instance: result.data as RotaInstance };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const detail = (issue as { params?: EngineMessage }).params;
      const path = issue.path.map(String).join('.') || '(root)';
      return detail?.code ? { path, message: issue.message, detail } : { path, message: issue.message };
    }),
  };
}
