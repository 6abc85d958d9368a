import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../api/src/app';
import { checkDatabase } from '../../api/src/db/mongo';
import { systemClock } from '../../api/src/lib/clock';
import { createLogger } from '../../api/src/lib/logger';
import { createServices, defaultSessionPolicy, type ServiceOptions, type Services } from '../../api/src/modules/services';
import { subscribeHooks, type RealtimeHooks } from '../../api/src/realtime/hooks';
import { version } from '../../api/src/version';
import path from 'node:path';

/**
 * What a test may set: the app's options and the services' (clock, session, policies …); `events`
 * are hooks subscribed to the services' event bus, as Socket.IO's are.
 */
export type TestAppOptions = Partial<Omit<AppDeps, 'services'> & Omit<ServiceOptions, 'events'>> & { events?: Partial<RealtimeHooks> };

export interface TestStack {
  app: Express;
  services: Services;
}

/** The real services and app, composed as server.ts does, against whatever database mongoose is connected to. */
export function buildTestStack(overrides: TestAppOptions = {}): TestStack {
  const { clock, session, eligibility, planInWorker, outbound, events, checkinSecret, discipline, feedback, proofOfWork, disciplinePort, ...appOptions } = overrides;
  const logger = appOptions.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const services = createServices({
    clock: clock ?? systemClock,
    session: session ?? defaultSessionPolicy,
    logger,
    eligibility,
    planInWorker,
    outbound,
    checkinSecret,
    discipline,
    feedback,
    proofOfWork,
    disciplinePort,
  });
  const app = createApp({
    clientDist: path.resolve(__dirname, '..', '..', 'client', 'dist'),
    checkDatabase: () => checkDatabase(),
    databaseMode: 'external',
    version,
    checkResponses: true,
    ...appOptions,
    logger,
    services,
  });
  if (events) subscribeHooks(services.events, events);
  return { app, services };
}

/** The real app, on port 0, against whatever database mongoose is connected to. */
export function buildTestApp(overrides: TestAppOptions = {}): Express {
  return buildTestStack(overrides).app;
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
