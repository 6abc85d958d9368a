import type { Post } from '../../contracts/posts';
import type { NobodyReason, PublicDuty, PublicPost } from '../../contracts/public';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { shortLived } from '../../lib/short-lived';
import { dutyKeyOf } from '../attendance/attendance.service';
import type { PlanningLawyer, PublishedAt } from '../rotas/rotas.port';

export interface PublicDeps {
  clock: Clock;
  activePosts(): Promise<Post[]>;
  postsByIds(ids: string[]): Promise<Post[]>;
  postByCode(code: string): Promise<Post | null>;
  /** The post's running slots at an instant, as published then (the rotas area's timeline). */
  publishedAt(postId: string, timeZone: string, at: Date): Promise<PublishedAt>;
  /** Public facts of lawyers (name, licence number, firm): all of them, or by id. */
  lawyers(ids?: string[]): Promise<LawyerFacts[]>;
  /** Check-ins and check-outs of duties (each with its day). */
  checkinsOf(duties: { dutyKey: string; day: string }[]): Promise<{ dutyKey: string; kind: 'in' | 'out'; at: Date }[]>;
}

type LawyerFacts = Pick<PlanningLawyer, 'id' | 'name' | 'licenceNumber' | 'firm'>;

/** One lawyer on duty at a post at an instant, with what staff and feedback need to know of it. */
export interface OnDuty {
  rotaId: string;
  slotId: string;
  dutyKey: string;
  lawyerId: string;
  lawyer: Pick<PlanningLawyer, 'name' | 'licenceNumber' | 'firm'>;
  day: string;
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface WhoWasOnDuty {
  post: Post;
  at: Date;
  onDuty: OnDuty[];
  reason?: NobodyReason;
}

export function publicPostOf(p: Post): PublicPost {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    district: p.district,
    kind: p.kind,
    channel: p.channel,
    address: p.address,
    location: p.location ? { lat: p.location.lat, lng: p.location.lng } : null,
    timeZone: p.timeZone,
    openingHours: p.openingHours.map((o) => ({ days: [...o.days], start: o.start, end: o.end })),
  };
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * The public lookup (值班查询): who was or is on duty at a post at an instant, as the published
 * rota, its amendments and approved swaps stood then. Public facts only.
 */
export function createPublicService(deps: PublicDeps) {
  // Names, licence numbers and firms change rarely; a lawyer added since is read by id.
  const lawyerSnapshot = shortLived(async () => new Map((await deps.lawyers()).map((l) => [l.id, l])), 60_000, { staleWhileRefresh: true });

  async function lawyersOf(ids: string[]): Promise<Map<string, LawyerFacts>> {
    const all = await lawyerSnapshot.get();
    const missing = ids.filter((id) => !all.has(id));
    const out = new Map(ids.filter((id) => all.has(id)).map((id) => [id, all.get(id)!]));
    if (missing.length > 0) for (const l of await deps.lawyers(missing)) out.set(l.id, l);
    return out;
  }

  async function posts(): Promise<PublicPost[]> {
    return (await deps.activePosts()).map(publicPostOf);
  }

  /** A post by id or code (codes in any case); unknown and inactive posts are not found. */
  async function resolvePost(ref: string): Promise<Post> {
    const post = OBJECT_ID.test(ref) ? (await deps.postsByIds([ref]))[0] : await deps.postByCode(ref.toUpperCase());
    if (!post || !post.active) throw new AppError('post_not_found', 'No such post', 404);
    return post;
  }

  async function whoWasOnDuty(postRef: string, at: Date = deps.clock.now()): Promise<WhoWasOnDuty> {
    const post = await resolvePost(postRef);
    const published = await deps.publishedAt(post.id, post.timeZone, at);
    const assigned = published.slots.flatMap((p) => p.slot.lawyerIds.map((lawyerId) => ({ p, lawyerId })));
    const keys = assigned.map(({ p, lawyerId }) => dutyKeyOf({ rotaId: p.rotaId, slotId: p.slot.id, lawyerId }));
    const [lawyers, marks] = await Promise.all([lawyersOf([...new Set(assigned.map((a) => a.lawyerId))]), deps.checkinsOf(assigned.map(({ p }, i) => ({ dutyKey: keys[i]!, day: p.slot.day })))]);
    const onDuty: OnDuty[] = [];
    assigned.forEach(({ p, lawyerId }, i) => {
      const l = lawyers.get(lawyerId);
      if (!l) return;
      const dutyKey = keys[i]!;
      const inAt = marks.find((m) => m.dutyKey === dutyKey && m.kind === 'in')?.at ?? null;
      const outAt = marks.find((m) => m.dutyKey === dutyKey && m.kind === 'out')?.at ?? null;
      onDuty.push({
        rotaId: p.rotaId,
        slotId: p.slot.id,
        dutyKey,
        lawyerId,
        lawyer: { name: l.name, licenceNumber: l.licenceNumber, firm: l.firm },
        day: p.slot.day,
        localStart: p.slot.localStart,
        localEnd: p.slot.localEnd,
        start: p.slot.start,
        end: p.slot.end,
        checkedInAt: inAt,
        checkedOutAt: outAt,
      });
    });
    const reason: NobodyReason | undefined = onDuty.length > 0 ? undefined : !published.covered ? 'no_rota' : published.slots.length === 0 ? 'closed' : 'unstaffed';
    return { post, at, onDuty, reason };
  }

  /** The public answer: name, licence number, firm, the shift and whether they checked in. */
  async function duty(postRef: string, at?: Date): Promise<PublicDuty> {
    const w = await whoWasOnDuty(postRef, at);
    const out: PublicDuty = {
      post: publicPostOf(w.post),
      at: w.at.toISOString(),
      lawyers: w.onDuty.map((d) => ({
        name: d.lawyer.name,
        licenceNo: d.lawyer.licenceNumber,
        firm: d.lawyer.firm,
        shift: { start: d.start.toISOString(), end: d.end.toISOString(), day: d.day, localStart: d.localStart, localEnd: d.localEnd },
        checkedIn: d.checkedInAt !== null,
        checkedInAt: d.checkedInAt ? d.checkedInAt.toISOString() : null,
      })),
    };
    if (w.reason) out.reason = w.reason;
    return out;
  }

  return { posts, resolvePost, whoWasOnDuty, duty };
}

export type PublicService = ReturnType<typeof createPublicService>;
