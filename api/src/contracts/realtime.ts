/**
 * The Socket.IO events, typed once for the server (`new Server<…>` in api/src/realtime) and
 * the client (`io()` in client/src/composables/useSocket.ts): an event name or payload that
 * does not match fails the type check on both sides. Pure: imports only contract types.
 *
 * Server → client
 *   job:update          JobView                  the planning job a staff socket watches
 *   notification        Notification             to the lawyer it concerns
 *   liveboard:updates   LiveBoardUpdate[]        batched check-in changes, to board watchers
 *   liveboard:posts     LivePost[]               duties moved between posts, to board watchers
 *   kiosk:changed       { postId }               a post's kiosk view changed: fetch it again
 * Client → server (each join answers `ok` through its acknowledgement)
 *   job:watch           jobId                    staff only
 *   liveboard:watch / liveboard:unwatch          admin, coordinator, hotline
 *   kiosk:watch         { code, token }          a post's kiosk screen, by its kiosk token
 */
import type { KIOSK_EVENTS, LIVEBOARD_EVENTS, LiveBoardUpdate, LivePost } from './checkins';
import type { JobView } from './rotas';
import type { Notification } from './selfservice';

/** Answers whether a join was allowed. */
export type JoinAck = (ok: boolean) => void;

export interface KioskChanged {
  postId: string;
}

export interface KioskWatch {
  code: string;
  token: string;
}

export interface ServerToClientEvents {
  'job:update': (job: JobView) => void;
  notification: (notification: Notification) => void;
  'liveboard:updates': (updates: LiveBoardUpdate[]) => void;
  'liveboard:posts': (posts: LivePost[]) => void;
  'kiosk:changed': (change: KioskChanged) => void;
}

/** What a client may send. The server still checks every payload: a socket can send anything. */
export interface ClientToServerEvents {
  'job:watch': (jobId: string, ack?: JoinAck) => void;
  'liveboard:watch': (ack?: JoinAck) => void;
  'liveboard:unwatch': () => void;
  'kiosk:watch': (watch: KioskWatch, ack?: JoinAck) => void;
}

/** Board events relayed between API processes (over the Redis adapter). */
export type BoardEvent = 'liveboard:updates' | 'liveboard:posts';
/** A board event with its payload: `[event, payload]`. */
export type BoardMessage = { [E in BoardEvent]: [event: E, payload: Parameters<ServerToClientEvents[E]>[0]] }[BoardEvent];
export interface InterServerEvents {
  'zhiban:liveboard': (...message: BoardMessage) => void;
}

// The named event constants of the check-in contract stay in step with the maps.
type Check<T extends true> = T;
export type EventNamesInStep = Check<
  [(typeof LIVEBOARD_EVENTS)['updates' | 'posts'], (typeof KIOSK_EVENTS)['changed']] extends [keyof ServerToClientEvents, keyof ServerToClientEvents]
    ? [(typeof LIVEBOARD_EVENTS)['watch' | 'unwatch'], (typeof KIOSK_EVENTS)['watch']] extends [keyof ClientToServerEvents, keyof ClientToServerEvents]
      ? true
      : false
    : false
>;
