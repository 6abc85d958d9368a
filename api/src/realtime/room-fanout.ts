import type { Server } from 'socket.io';
import type { BoardMessage, ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../contracts/realtime';

/** Sockets written to between two turns of the event loop. */
export const FANOUT_CHUNK = 100;

/**
 * Sends an event to this process's sockets in a room, `FANOUT_CHUNK` at a time, letting the
 * event loop serve requests and database replies between chunks: writing to a thousand board
 * sockets in one go would hold every check-in up for as long. Calls made while one is running
 * wait for it, so each socket gets events in order.
 */
export function createRoomFanout(io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>) {
  let queue: Promise<void> = Promise.resolve();

  async function deliver(room: string, message: BoardMessage): Promise<void> {
    const members = io.of('/').adapter.rooms.get(room);
    if (!members || members.size === 0) return;
    const ids = [...members];
    for (let i = 0; i < ids.length; i += FANOUT_CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const target = io.local.to(ids.slice(i, i + FANOUT_CHUNK));
      if (message[0] === 'liveboard:updates') target.emit(message[0], message[1]);
      else target.emit(message[0], message[1]);
    }
  }

  return function emitLocally(room: string, ...message: BoardMessage): Promise<void> {
    queue = queue.then(() => deliver(room, message)).catch(() => undefined);
    return queue;
  };
}
