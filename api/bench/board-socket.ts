import WebSocket from 'ws';

/**
 * A lean live-board watcher for the benchmark: the Socket.IO protocol (Engine.IO 4, Socket.IO 5)
 * spoken over a bare WebSocket, handling only what a board needs (open, namespace connect, ping,
 * the watch acknowledgement, events). 1,000 full socket.io-client instances in one process cost
 * as much CPU as the server they measure; browsers use the real client.
 */
export interface BoardSocket {
  close(): void;
}

export function openBoardSocket(baseUrl: string, cookie: string, onEvent: (name: string, payload: unknown) => void): Promise<BoardSocket> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const ws = new WebSocket(url, { headers: { cookie } });
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      ws.terminate();
      reject(err);
    };
    ws.once('error', fail);
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text === '2') return ws.send('3'); // ping → pong
      if (text.startsWith('0')) return ws.send('40'); // Engine.IO open → connect to the namespace
      if (text.startsWith('40')) return ws.send(`420${JSON.stringify(['liveboard:watch'])}`); // connected → watch, ack id 0
      if (text.startsWith('44')) return fail(new Error(`connect refused: ${text}`));
      if (text.startsWith('430')) {
        const [ok] = JSON.parse(text.slice(3)) as [boolean];
        if (!ok) return fail(new Error('watch refused'));
        ws.off('error', fail);
        ws.on('error', () => undefined);
        return resolve({ close: () => ws.close() });
      }
      if (text.startsWith('42')) {
        const [name, payload] = JSON.parse(text.slice(2)) as [string, unknown];
        onEvent(name, payload);
      }
    });
  });
}
