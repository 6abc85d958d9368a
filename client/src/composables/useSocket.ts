import { io, type Socket } from 'socket.io-client';

let socket: Socket | undefined;

/** The one shared Socket.IO connection, opened on first use. */
export function getSocket(): Socket {
  socket ??= io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}

/**
 * Subscribes to a server event; returns the unsubscribe function, to be called in
 * onUnmounted by the component that subscribed.
 */
export function subscribe<T>(event: string, handler: (payload: T) => void): () => void {
  const s = getSocket();
  s.on(event, handler);
  return () => {
    s.off(event, handler);
  };
}
