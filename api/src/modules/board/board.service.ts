import type { DutyBoard } from '../../contracts/selfservice';
import type { Post } from '../../contracts/posts';
import { CHANNEL_LABELS, POST_KIND_LABELS } from '../../contracts/common';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { localDay } from '../../lib/local-day';
import type { PlanningLawyer } from '../rotas/rotas.port';
import type { RotasService } from '../rotas/rotas.service';

export interface BoardDeps {
  clock: Clock;
  rotas: RotasService;
  postByCode(code: string): Promise<Post | null>;
  lawyersByIds(ids: string[]): Promise<PlanningLawyer[]>;
}


/**
 * The public duty board of a post (值班公示): the day's shifts and lawyers with name, licence
 * number and firm — never a phone or an ID number.
 */
export function createBoardService(deps: BoardDeps) {
  async function board(code: string, day?: string): Promise<DutyBoard> {
    const post = await deps.postByCode(code);
    if (!post || !post.active) throw new AppError('post_not_found', 'No such post', 404);
    const d = day ?? localDay(post.timeZone, deps.clock.now());
    const duties = await deps.rotas.duties({ from: d, to: d, postId: post.id });
    const lawyers = new Map((await deps.lawyersByIds([...new Set(duties.map((x) => x.lawyerId))])).map((l) => [l.id, l]));
    const shifts = new Map<string, DutyBoard['shifts'][number]>();
    for (const duty of duties) {
      const key = `${duty.localStart}-${duty.localEnd}`;
      const entry = shifts.get(key) ?? { localStart: duty.localStart, localEnd: duty.localEnd, lawyers: [] };
      const l = lawyers.get(duty.lawyerId);
      if (l) entry.lawyers.push({ name: l.name, licenceNumber: l.licenceNumber, firm: l.firm });
      shifts.set(key, entry);
    }
    return {
      post: { name: post.name, code: post.code, address: post.address, kind: POST_KIND_LABELS[post.kind], channel: CHANNEL_LABELS[post.channel] },
      day: d,
      shifts: [...shifts.values()].sort((a, b) => a.localStart.localeCompare(b.localStart)),
      lookupPath: `/lookup?post=${encodeURIComponent(post.code)}`,
    };
  }
  return { board };
}

export type BoardService = ReturnType<typeof createBoardService>;
