import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../api/src/contracts/realtime';

/** The socket with the server's event maps (api/src/contracts/realtime.ts). */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type { ClientToServerEvents, ServerToClientEvents };

let socket: RealtimeSocket | undefined;

/** The one shared Socket.IO connection, opened on first use. */
export function getSocket(): RealtimeSocket {
  socket ??= io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}

/**
 * Subscribes to a server event; returns the unsubscribe function, to be called in
 * onUnmounted by the component that subscribed.
 */
export function subscribe<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
  const s = getSocket();
  // Socket.IO builds the listener type from the event name, which TypeScript cannot resolve for
  // a generic name; for any one name it is exactly ServerToClientEvents[E].
  s.on(event, handler as never);
  return () => {
    s.off(event, handler as never);
  };
}
