import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../lib/logger';

/**
 * Makes Socket.IO broadcasts reach sockets connected to every API process: each process
 * publishes its emits on Redis and relays what the others publish. Returns a closer.
 */
export async function useRedisAdapter(io: Server, url: string, logger: Logger): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err: unknown) => logger.error({ err }, 'redis error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  logger.info('socket.io uses the redis adapter');
  return async () => {
    await Promise.allSettled([sub.quit(), pub.quit()]);
  };
}
