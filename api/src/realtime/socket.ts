import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { SESSION_COOKIE } from '../contracts/auth';
import { KIOSK_EVENTS, LIVEBOARD_BATCH_MS, LIVEBOARD_EVENTS, LIVEBOARD_ROOM, type LiveBoardUpdate, type LivePost } from '../contracts/checkins';
import type { JobView } from '../contracts/rotas';
import type { Notification } from '../contracts/selfservice';
import type { Actor } from '../lib/actor';
import type { Logger } from '../lib/logger';
import type { Job } from '../modules/jobs/jobs.service';
import type { Services } from '../modules/services';
import { createBatcher } from './batcher';
import { createRoomFanout } from './room-fanout';

/** Events the server pushes; the client's socket composable mirrors these names. */
export const EVENTS = { jobUpdate: 'job:update', notification: 'notification' } as const;
const STAFF = new Set(['admin', 'coordinator']);
/** Who may watch the live board (hotline operators read it to answer callers). */
const BOARD_WATCHERS = new Set(['admin', 'coordinator', 'hotline']);

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export const rooms = {
  job: (id: string) => `job:${id}`,
  lawyer: (id: string) => `lawyer:${id}`,
  staff: 'staff',
  liveboard: LIVEBOARD_ROOM,
  kiosk: (postId: string) => `kiosk:${postId}`,
};

/**
 * Attaches Socket.IO to the HTTP server. A connection authenticates with the same session
 * cookie as HTTP; signed-in users join their rooms (staff, their lawyer id). Anonymous
 * connections are allowed for public screens but join no private room.
 */
export function attachRealtime(httpServer: HttpServer, logger: Logger, services?: Services): Server {
  const io = new Server(httpServer, { serveClient: false });

  io.use(async (socket, next) => {
    socket.data.actor = null;
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token || !services) return next();
    try {
      const resolved = await services.auth.resolve(token);
      if (!('error' in resolved)) {
        const actor: Actor = { userId: resolved.user.id, username: resolved.user.username, role: resolved.user.role, lawyerId: resolved.user.lawyerId, requestId: null };
        socket.data.actor = actor;
      }
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  io.on('connection', (socket: Socket) => {
    const actor = socket.data.actor as Actor | null;
    if (actor && STAFF.has(actor.role)) void socket.join(rooms.staff);
    if (actor?.lawyerId) void socket.join(rooms.lawyer(actor.lawyerId));
    socket.on('job:watch', (jobId: unknown, ack?: (ok: boolean) => void) => {
      const ok = Boolean(actor && STAFF.has(actor.role) && typeof jobId === 'string' && /^[0-9a-f]{24}$/i.test(jobId));
      if (ok) void socket.join(rooms.job(jobId as string));
      if (typeof ack === 'function') ack(ok);
    });
    socket.on(LIVEBOARD_EVENTS.watch, (ack?: (ok: boolean) => void) => {
      const ok = Boolean(actor && BOARD_WATCHERS.has(actor.role));
      if (ok) void socket.join(rooms.liveboard);
      if (typeof ack === 'function') ack(ok);
    });
    socket.on(LIVEBOARD_EVENTS.unwatch, () => void socket.leave(rooms.liveboard));
    // A post's kiosk screen has no session: it proves itself with the post's kiosk token.
    socket.on(KIOSK_EVENTS.watch, (body: unknown, ack?: (ok: boolean) => void) => {
      const reply = (ok: boolean) => typeof ack === 'function' && ack(ok);
      const { code, token } = (body ?? {}) as { code?: unknown; token?: unknown };
      if (!services || typeof code !== 'string' || typeof token !== 'string' || code.length > 64 || token.length > 128) return reply(false);
      services.checkins.kioskPost(code, token).then(
        (post) => {
          void socket.join(rooms.kiosk(post.id));
          reply(true);
        },
        () => reply(false),
      );
    });
    logger.debug({ socketId: socket.id, user: actor?.username ?? null }, 'socket connected');
  });
  return io;
}

export function jobView(job: Job): JobView {
  return { id: job.id, kind: job.kind, status: job.status, progress: job.progress, error: job.error, result: job.result };
}

/** Other API processes are told of board messages under this server-side event. */
const BOARD_RELAY = 'zhiban:liveboard';

/**
 * The services' realtime hooks, bound to a Socket.IO server. `clustered`: a cluster adapter
 * (Redis) joins several API processes.
 */
export function realtimeEvents(io: Server, opts: { clustered?: boolean } = {}) {
  const kioskChanged = (postIds: Iterable<string>) => {
    for (const postId of new Set(postIds)) io.to(rooms.kiosk(postId)).emit(KIOSK_EVENTS.changed, { postId });
  };
  // The board room can hold a thousand sockets: each process writes to its own in chunks
  // (room-fanout.ts); the others hear of the message through the adapter's server-side events.
  const fanout = createRoomFanout(io);
  const toBoards = (event: string, payload: unknown) => {
    if (opts.clustered) io.serverSideEmit(BOARD_RELAY, event, payload);
    void fanout(rooms.liveboard, event, payload);
  };
  if (opts.clustered) io.of('/').on(BOARD_RELAY, (event: string, payload: unknown) => void fanout(rooms.liveboard, event, payload));
  const board = createBatcher<LiveBoardUpdate>((updates) => {
    toBoards(LIVEBOARD_EVENTS.updates, updates);
    kioskChanged(updates.map((u) => u.postId));
  }, LIVEBOARD_BATCH_MS);
  return {
    jobUpdated: (job: Job) => io.to(rooms.job(job.id)).emit(EVENTS.jobUpdate, jobView(job)),
    notified: (lawyerId: string, n: Notification) => io.to(rooms.lawyer(lawyerId)).emit(EVENTS.notification, n),
    liveboardUpdated: (u: LiveBoardUpdate) => board.push(u),
    liveboardPostsMoved: (posts: LivePost[]) => {
      toBoards(LIVEBOARD_EVENTS.posts, posts);
      kioskChanged(posts.map((p) => p.postId));
    },
  };
}
