import { randomBytes } from 'node:crypto';
import type { CalendarFeed } from '../../contracts/selfservice';
import type { Post } from '../../contracts/posts';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { RotasService } from '../rotas/rotas.service';
import { findFeed, findFeedBySubject, findFeedByToken, insertFeed, setFeedToken, type FeedDoc } from './feeds.repository';
import { renderCalendar } from './ical';

export interface FeedsDeps {
  clock: Clock;
  rotas: RotasService;
  postsByIds(ids: string[]): Promise<Post[]>;
}

const newToken = () => randomBytes(24).toString('base64url');
const view = (d: FeedDoc): CalendarFeed => ({ id: String(d._id), subject: d.subject, subjectId: d.subjectId, path: `/api/ical/${d.token}.ics` });
const dayOffset = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export function createFeedsService(deps: FeedsDeps) {
  async function feedFor(subject: FeedDoc['subject'], subjectId: string): Promise<CalendarFeed> {
    const subjectKey = `${subject}:${subjectId}`;
    const existing = await findFeedBySubject(subjectKey);
    if (existing) return view(existing);
    try {
      return view(await insertFeed({ subject, subjectId, subjectKey, token: newToken() }));
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      return view((await findFeedBySubject(subjectKey))!);
    }
  }

  async function rotate(actor: Actor, id: string): Promise<CalendarFeed> {
    const feed = await findFeed(id);
    if (!feed) throw new AppError('feed_not_found', 'No such calendar feed', 404);
    const staff = actor.role === 'admin' || actor.role === 'coordinator';
    if (!staff && !(feed.subject === 'lawyer' && feed.subjectId === actor.lawyerId)) throw new AppError('not_yours', 'This is not your calendar feed', 403);
    await setFeedToken(id, newToken());
    return view((await findFeed(id))!);
  }

  /** The iCalendar text behind a token; unknown tokens are 404 without saying more. */
  async function render(token: string): Promise<string> {
    const feed = await findFeedByToken(token);
    if (!feed) throw new AppError('feed_not_found', 'No such calendar feed', 404);
    const now = deps.clock.now();
    const range = { from: dayOffset(now, -31), to: dayOffset(now, 93) };
    const duties = await deps.rotas.duties(feed.subject === 'lawyer' ? { ...range, lawyerId: feed.subjectId } : { ...range, postId: feed.subjectId });
    const posts = new Map((await deps.postsByIds([...new Set(duties.map((d) => d.postId))])).map((p) => [p.id, p]));
    const name = feed.subject === 'lawyer' ? `我的值班 · ${duties[0]?.lawyerName ?? ''}` : `值班表 · ${posts.get(feed.subjectId)?.name ?? ''}`;
    return renderCalendar(
      name,
      duties.map((d) => ({
        uid: `${d.slotId}-${d.lawyerId}@zhiban`,
        start: new Date(d.start),
        end: new Date(d.end),
        summary: feed.subject === 'lawyer' ? `值班：${d.postName}` : `值班律师：${d.lawyerName}`,
        location: posts.get(d.postId)?.address,
        description: `${d.postName} ${d.localStart}–${d.localEnd}（第${d.version}版排班）`,
        sequence: d.version,
      })),
      now,
    );
  }

  return {
    mine: (actor: Actor) => {
      if (!actor.lawyerId) throw new AppError('no_lawyer_profile', 'This account is not linked to a lawyer', 403);
      return feedFor('lawyer', actor.lawyerId);
    },
    forPost: async (postId: string) => {
      await deps.postsByIds([postId]).then((p) => {
        if (!p.length) throw new AppError('post_not_found', 'No such post', 404);
      });
      return feedFor('post', postId);
    },
    rotate,
    render,
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
