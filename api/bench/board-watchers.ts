/**
 * A worker thread of the live benchmark holding a share of the board sockets, so that reading
 * a thousand sockets' messages is spread over the machine's cores as it would be over a
 * thousand browsers. Reports when each update reached each socket (epoch milliseconds).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { LiveBoardUpdate } from '../src/contracts/checkins';
import { openBoardSocket, type BoardSocket } from './board-socket';

interface Start {
  url: string;
  cookie: string;
  sockets: number;
}

const epochNow = () => performance.timeOrigin + performance.now();
const { url, cookie, sockets: count } = workerData as Start;
const receipts = new Map<string, number[]>();
let messages = 0;
const sockets: BoardSocket[] = [];

async function main(): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async () => {
        const s = await openBoardSocket(url, cookie, (name, payload) => {
          if (name !== 'liveboard:updates') return;
          const at = epochNow();
          messages++;
          for (const u of payload as LiveBoardUpdate[]) {
            if (u.cause !== 'checkin') continue;
            const list = receipts.get(u.lawyerId);
            if (list) list.push(at);
            else receipts.set(u.lawyerId, [at]);
          }
        });
        sockets.push(s);
      }),
    );
  }
  parentPort!.postMessage({ ready: sockets.length });
  parentPort!.on('message', (m: { report?: boolean }) => {
    if (!m.report) return;
    for (const s of sockets) s.close();
    parentPort!.postMessage({ receipts: [...receipts], messages });
  });
}

main().catch((err: unknown) => parentPort!.postMessage({ error: String(err) }));
