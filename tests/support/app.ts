import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../api/src/app';
import { checkDatabase } from '../../api/src/db/mongo';
import { createLogger } from '../../api/src/lib/logger';
import { version } from '../../api/src/version';
import path from 'node:path';

/** The real app, on port 0, against whatever database mongoose is connected to. */
export function buildTestApp(overrides: Partial<AppDeps> = {}): Express {
  return createApp({
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clientDist: path.resolve(__dirname, '..', '..', 'client', 'dist'),
    checkDatabase: () => checkDatabase(),
    databaseMode: 'external',
    version,
    checkResponses: true,
    ...overrides,
  });
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<Listening> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
