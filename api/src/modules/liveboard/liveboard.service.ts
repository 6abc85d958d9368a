import { ATTENDANCE_STATES, type LiveBoard, type LivePost, type LiveShift, type StateCounts } from '../../contracts/checkins';
import type { Post } from '../../contracts/posts';
import type { Clock } from '../../lib/clock';
import { checkinWindow, dutyTimes } from '../attendance/attendance.port';
import type { CheckinsService, DutyAttendance } from '../checkins/checkins.service';
import { localDay } from '../../lib/local-day';
import type { RotasService } from '../rotas/rotas.service';

export interface LiveboardDeps {
  clock: Clock;
  rotas: Pick<RotasService, 'duties'>;
  checkins: Pick<CheckinsService, 'attendanceOf'>;
  /** Active posts, in the board's order. */
  posts(): Promise<Post[]>;
}

const DAY_MS = 86_400_000;

/** The days whose duties the board looks at: yesterday to tomorrow in UTC, which covers every zone. */
export function boardDays(now: Date): { from: string; to: string } {
  return { from: localDay('UTC', new Date(now.getTime() - DAY_MS)), to: localDay('UTC', new Date(now.getTime() + DAY_MS)) };
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(ATTENDANCE_STATES.map((s) => [s, 0])) as StateCounts;
}

function shiftOf(group: DutyAttendance[]): LiveShift {
  const d = group[0]!.duty;
  return {
    slotId: d.slotId,
    day: d.day,
    localStart: d.localStart,
    localEnd: d.localEnd,
    start: d.start,
    end: d.end,
    lawyers: group.map((a) => ({
      dutyKey: a.dutyKey,
      lawyerId: a.duty.lawyerId,
      name: a.duty.lawyerName,
      state: a.state,
      checkedInAt: a.inAt ? a.inAt.toISOString() : null,
      checkedOutAt: a.outAt ? a.outAt.toISOString() : null,
    })),
  };
}

/** The staff's live board: every active post with its current and next shift and who is where. */
export function createLiveboardService(deps: LiveboardDeps) {
  async function board(): Promise<LiveBoard> {
    const now = deps.clock.now();
    const duties = await deps.rotas.duties(boardDays(now));
    return boardOf(await deps.checkins.attendanceOf(duties, now), now);
  }

  /** The board from the states of the duties of `boardDays(now)` (the detector has them already). */
  async function boardOf(states: DutyAttendance[], now: Date): Promise<LiveBoard> {
    const posts = await deps.posts();
    const slots = new Map<string, DutyAttendance[]>();
    for (const a of states) {
      const key = `${a.duty.postId}|${a.duty.rotaId}|${a.duty.slotId}`;
      slots.set(key, [...(slots.get(key) ?? []), a]);
    }
    const byPost = new Map<string, DutyAttendance[][]>();
    for (const group of slots.values()) byPost.set(group[0]!.duty.postId, [...(byPost.get(group[0]!.duty.postId) ?? []), group]);

    const total = emptyCounts();
    const byDistrict: Record<string, StateCounts> = {};
    const byKind: Record<string, StateCounts> = {};
    const livePosts: LivePost[] = posts.map((post) => {
      const groups = (byPost.get(post.id) ?? []).sort((a, b) => a[0]!.duty.start.localeCompare(b[0]!.duty.start));
      const current = groups.find((g) => {
        const w = checkinWindow(dutyTimes(g[0]!.duty), g[0]!.settings);
        return now >= w.opensAt && now < new Date(g[0]!.duty.end);
      });
      const next = groups.find((g) => g !== current && new Date(g[0]!.duty.start) > now && (!current || g[0]!.duty.start > current[0]!.duty.start));
      for (const a of current ?? []) {
        total[a.state]++;
        (byDistrict[post.district] ??= emptyCounts())[a.state]++;
        (byKind[post.kind] ??= emptyCounts())[a.state]++;
      }
      return {
        postId: post.id,
        code: post.code,
        name: post.name,
        district: post.district,
        kind: post.kind,
        current: current ? shiftOf(current) : null,
        next: next ? shiftOf(next) : null,
      };
    });
    return { at: now.toISOString(), posts: livePosts, counters: { byDistrict, byKind, total } };
  }
  return { board, boardOf };
}

export type LiveboardService = ReturnType<typeof createLiveboardService>;
