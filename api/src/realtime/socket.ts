import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { SESSION_COOKIE } from '../contracts/auth';
import { KIOSK_EVENTS, LIVEBOARD_BATCH_MS, LIVEBOARD_EVENTS, LIVEBOARD_ROOM, type LiveBoardUpdate, type LivePost } from '../contracts/checkins';
import type { BoardMessage, ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../contracts/realtime';
import type { JobView } from '../contracts/rotas';
import type { Notification } from '../contracts/selfservice';
import type { Actor } from '../lib/actor';
import type { Logger } from '../lib/logger';
import type { Job } from '../modules/jobs/jobs.service';
import type { DomainEvents } from '../modules/domain-events';
import type { Services } from '../modules/services';
import type { SessionsEnded } from '../modules/users/auth.service';
import { createBatcher } from './batcher';
import { subscribeHooks, type RealtimeHooks } from './hooks';
import { createRoomFanout } from './room-fanout';

/** Events the server pushes (typed in contracts/realtime.ts, which the client's socket shares). */
export const EVENTS = { jobUpdate: 'job:update', notification: 'notification' } as const satisfies Record<string, keyof ServerToClientEvents>;

/** What the server keeps on each socket. */
export interface SocketData {
  actor: Actor | null;
  sessionId: string | null;
  userId: string | null;
}
/** The Socket.IO server with the shared event maps. */
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
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
  /** Every socket of one session, and of one user: closed at once when sessions end. */
  session: (sessionId: string) => `session:${sessionId}`,
  user: (userId: string) => `user:${userId}`,
  job: (id: string) => `job:${id}`,
  lawyer: (id: string) => `lawyer:${id}`,
  staff: 'staff',
  liveboard: LIVEBOARD_ROOM,
  kiosk: (postId: string) => `kiosk:${postId}`,
};

/**
 * Attaches Socket.IO to the HTTP server. A connection authenticates with the same session
 * cookie as HTTP; signed-in users join their rooms (staff, their lawyer id). Anonymous
 * connections are allowed for public screens but join no private room, and neither does an
 * account that must still change its temporary password. Every request to join a room is
 * re-authorised against the session store, and ended sessions lose their sockets at once
 * (subscribeRealtime: `sessions.ended`).
 */
export function attachRealtime(httpServer: HttpServer, logger: Logger, services?: Services): RealtimeServer {
  const io: RealtimeServer = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, { serveClient: false });

  /**
   * The socket's signed-in actor as the session store sees it now: null when anonymous or
   * held back (a password change is required); `ended` when it was signed in and is not any more.
   */
  async function currentActor(socket: RealtimeSocket): Promise<{ actor: Actor | null; ended: boolean }> {
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token || !services) return { actor: null, ended: false };
    const resolved = await services.auth.resolve(token);
    if ('error' in resolved) return { actor: null, ended: Boolean(socket.data.sessionId) };
    if (resolved.user.mustChangePassword) return { actor: null, ended: false };
    return {
      actor: { userId: resolved.user.id, username: resolved.user.username, role: resolved.user.role, lawyerId: resolved.user.lawyerId, requestId: null },
      ended: false,
    };
  }

  io.use(async (socket, next) => {
    socket.data.actor = null;
    socket.data.sessionId = null;
    socket.data.userId = null;
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token || !services) return next();
    try {
      const resolved = await services.auth.resolve(token);
      if (!('error' in resolved)) {
        socket.data.sessionId = resolved.sessionId;
        socket.data.userId = resolved.user.id;
        // An account that must change its temporary password sees nothing private until it has.
        if (!resolved.user.mustChangePassword) {
          const actor: Actor = { userId: resolved.user.id, username: resolved.user.username, role: resolved.user.role, lawyerId: resolved.user.lawyerId, requestId: null };
          socket.data.actor = actor;
        }
      }
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  io.on('connection', (socket: RealtimeSocket) => {
    const actor = socket.data.actor;
    if (socket.data.sessionId && socket.data.userId) void socket.join([rooms.session(socket.data.sessionId), rooms.user(socket.data.userId)]);
    if (actor && STAFF.has(actor.role)) void socket.join(rooms.staff);
    if (actor?.lawyerId) void socket.join(rooms.lawyer(actor.lawyerId));
    /** Answers a join request after asking the session store whether this socket may still join. */
    const authorised = (ack: unknown, allowed: (now: Actor) => boolean, join: () => void) => {
      const reply = (ok: boolean) => typeof ack === 'function' && (ack as (ok: boolean) => void)(ok);
      currentActor(socket).then(
        ({ actor: now, ended }) => {
          const ok = Boolean(now && allowed(now));
          if (ok) join();
          reply(ok);
          // Signed in at connection time, not any more: this socket has nothing left to do.
          if (ended) socket.disconnect(true);
        },
        (err: unknown) => {
          logger.warn({ err }, 'socket re-authorisation failed');
          reply(false);
        },
      );
    };
    socket.on('job:watch', (jobId: unknown, ack?: (ok: boolean) => void) => {
      if (typeof jobId !== 'string' || !/^[0-9a-f]{24}$/i.test(jobId)) return typeof ack === 'function' && ack(false);
      authorised(ack, (now) => STAFF.has(now.role), () => void socket.join(rooms.job(jobId)));
    });
    socket.on(LIVEBOARD_EVENTS.watch, (ack?: (ok: boolean) => void) => {
      authorised(ack, (now) => BOARD_WATCHERS.has(now.role), () => void socket.join(rooms.liveboard));
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
export function realtimeEvents(io: RealtimeServer, opts: { clustered?: boolean } = {}): RealtimeHooks {
  const kioskChanged = (postIds: Iterable<string>) => {
    for (const postId of new Set(postIds)) io.to(rooms.kiosk(postId)).emit(KIOSK_EVENTS.changed, { postId });
  };
  // The board room can hold a thousand sockets: each process writes to its own in chunks
  // (room-fanout.ts); the others hear of the message through the adapter's server-side events.
  const fanout = createRoomFanout(io);
  const toBoards = (...message: BoardMessage) => {
    if (opts.clustered) io.serverSideEmit(BOARD_RELAY, ...message);
    void fanout(rooms.liveboard, ...message);
  };
  if (opts.clustered) io.of('/').on(BOARD_RELAY, (...message: BoardMessage) => void fanout(rooms.liveboard, ...message));
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
    /** Closes the sockets of ended sessions, in every process (the Redis adapter relays it). */
    sessionsEnded: (end: SessionsEnded) => {
      if (end.sessionId) io.in(rooms.session(end.sessionId)).disconnectSockets(true);
      if (end.userId) {
        const target = io.in(rooms.user(end.userId));
        (end.exceptSessionId ? target.except(rooms.session(end.exceptSessionId)) : target).disconnectSockets(true);
      }
    },
  };
}

/**
 * Subscribes the Socket.IO server to the areas' announcements: from here on, every announced
 * write reaches its rooms. Returns the unsubscribe function.
 */
export function subscribeRealtime(io: RealtimeServer, events: DomainEvents, opts: { clustered?: boolean } = {}): () => void {
  return subscribeHooks(events, realtimeEvents(io, opts));
}
