import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from '../lib/logger';

/** Attaches Socket.IO to the HTTP server. Rooms and handshake auth come with the areas that need them. */
export function attachRealtime(httpServer: HttpServer, logger: Logger): Server {
  const io = new Server(httpServer, { serveClient: false });
  io.on('connection', (socket) => {
    logger.debug({ socketId: socket.id }, 'socket connected');
  });
  return io;
}
