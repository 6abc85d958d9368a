import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as IoServer } from 'socket.io';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded-ferretdb';
import { checkDatabase, connectDatabase, disconnectDatabase } from './db/mongo';
import { connectSharedState } from './db/shared-state';
import { createLogger, type Logger } from './lib/logger';
import { useRedisAdapter } from './realtime/redis';
import { attachRealtime, subscribeRealtime } from './realtime/socket';
import { createDomainEvents } from './modules/domain-events';
import { createServices, defaultSessionPolicy, type Services } from './modules/services';
import { systemClock } from './lib/clock';
import { DEMO_ACCOUNTS, demoLoginsText, seedDemo } from './seed/demo';
import { seedDemoRotas } from './seed/demoRotas';
import { seedDemoHistory } from './seed/demoHistory';
import type { DemoProgress } from './contracts/health';
import { backfillTimelines } from './modules/rotas/rotas.timeline';
import { backfillMarks } from './modules/checkins/checkin-marks.repository';
import { rebuildCards } from './modules/lawyers/lawyer-cards.repository';
import { rebuildDutyCopies } from './modules/feedback/feedback-duties.repository';
import { moveEarlierRecordMarks } from './modules/records/record-marks.repository';
import { findRota, findVersion, listAllVersionKeys } from './modules/rotas/rotas.repository';
import { seedDemoRecords } from './seed/demoRecords';
import { countUsers } from './modules/users/users.repository';
import { version } from './version';

export interface RunningServer {
  url: string;
  port: number;
  io: IoServer;
  logger: Logger;
  embedded?: EmbeddedDatabase;
  services: Services;
  stop(): Promise<void>;
}

/**
 * Connects mongoose to MONGODB_URI, or starts the embedded FerretDB when none is set.
 * Shared by the server and the seed command.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<{ embedded?: EmbeddedDatabase }> {
  let embedded: EmbeddedDatabase | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir,
      binary: config.ferretdbBin,
      onLog: (line) => logger.debug({ ferretdb: line }, 'ferretdb'),
    });
    uri = `${embedded.baseUri}${config.dbName}`;
    logger.info({ dataDir: config.dataDir, ferretdbPid: embedded.pid, socket: embedded.socketPath }, 'embedded database started');
  }
  try {
    await connectDatabase(uri, { maxPoolSize: config.dbPoolSize });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return { embedded };
}

/**
 * The composition root: config → database → services (over the areas' event bus) → app → HTTP
 * server → realtime (Socket.IO subscribes to the bus) → background jobs, in that order. Starts the
 * embedded database when no MONGODB_URI is set.
 */
export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);

  const { embedded } = await openDatabase(config, logger);
  const closeSharedState = await connectSharedState({ redisUrl: config.redisUrl, cacheTtlMs: config.cacheTtlMs }, logger);

  // Record marks of earlier versions move into their month collections before anything reads or writes them.
  const movedMarks = await moveEarlierRecordMarks();
  if (movedMarks > 0) logger.info({ moved: movedMarks }, 'duty record marks moved into month collections');

  // A fresh embedded database (or ZHIBAN_SEED_DEMO=1) gets the demo world, so `npm start` shows something.
  const seedNow = config.seedDemo !== 'never' && (embedded || config.seedDemo === 'always') && (await countUsers()) === 0;
  if (seedNow) logger.info(await seedDemo({ clock: systemClock }), 'demo data seeded');

  // Services announce their writes on this bus; Socket.IO subscribes once it is attached.
  const events = createDomainEvents(logger);
  const services = createServices({
    clock: systemClock,
    session: defaultSessionPolicy,
    logger,
    events,
    checkinSecret: config.checkinSecret,
    discipline: { replyWindowDays: config.replyWindowDays, periodMonths: config.disciplinePeriodMonths },
    feedback: { acceptWorkingDays: config.feedbackAcceptWorkingDays, concludeDays: config.feedbackConcludeDays, timeZone: 'Asia/Shanghai' },
  });
  // How far the demo's past months are (a fresh embedded database fills them in after it answers).
  let demo: DemoProgress | null = null;
  const app = createApp({
    logger,
    clientDist: config.clientDist,
    checkDatabase: () => checkDatabase(),
    databaseMode: embedded ? 'embedded' : 'external',
    version,
    demoProgress: () => demo,
    services,
    checkResponses: config.env === 'test',
    secureCookies: config.secureCookies,
  });
  const httpServer = http.createServer(app);
  const io = attachRealtime(httpServer, logger, services);
  const closeRedis = config.redisUrl ? await useRedisAdapter(io, config.redisUrl, logger) : undefined;
  subscribeRealtime(io, events, { clustered: Boolean(closeRedis) });
  await services.checkins.prepare();
  if (seedNow) {
    logger.info({ rotas: await seedDemoRotas(services, systemClock) }, 'demo rotas published');
    logger.info({ logins: DEMO_ACCOUNTS.map((a) => `${a.username} / ${a.password}`) }, 'demo logins');
    process.stdout.write(`\nDemo data seeded. Demo logins (username / password):\n${demoLoginsText()}\n\n`);
  }
  void backfillTimelines({ versions: listAllVersionKeys, rota: findRota, version: findVersion }).then(
    (written) => written > 0 && logger.info({ written }, 'public lookup timelines built from stored rota versions'),
    (err: unknown) => logger.error({ err }, 'building the public lookup timelines failed'),
  );
  void rebuildCards().catch((err: unknown) => logger.error({ err }, 'rebuilding the lawyer cards failed'));
  void rebuildDutyCopies().catch((err: unknown) => logger.error({ err }, 'rebuilding the feedback copies by duty failed'));
  // Check-ins stored before day marks existed get them once; the detector reads marks, so it waits.
  const marksBuilt = backfillMarks().then(
    (written) => written > 0 && logger.info({ written }, 'check-in marks built from stored check-ins'),
    (err: unknown) => logger.error({ err }, 'building the check-in marks failed; check-ins are read one by one meanwhile'),
  );
  const startBackgroundWork = () =>
    void marksBuilt.then(() => {
      services.jobs.start();
      services.detector.start();
      services.eligibilityCheck.start();
      services.recordsArea.watch.start();
    });
  // The demo's past three months (rotas, amendments, swaps, check-ins, duty records) are filled in while the
  // server already answers; background jobs and the detector start once that is done.
  if (seedNow) {
    demo = { state: 'seeding', phase: 'rotas', percent: 0 };
    void seedDemoHistory({ now: systemClock.now(), logger, onProgress: (phase, percent) => (demo = { state: 'seeding', phase, percent }) })
      .then(async (history) => {
        logger.info({ history }, 'demo history seeded');
        demo = { state: 'seeding', phase: 'records', percent: 90 };
        logger.info({ records: await seedDemoRecords(services, systemClock) }, 'demo duty records');
        demo = { state: 'done', phase: 'records', percent: 100 };
      })
      .catch((err: unknown) => {
        demo = { state: 'failed', phase: demo?.phase ?? 'rotas', percent: demo?.percent ?? 0 };
        logger.error({ err }, 'seeding the demo history failed');
      })
      .finally(startBackgroundWork);
  } else startBackgroundWork();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down');
      await services.jobs.stop();
      await services.detector.stop();
      await services.eligibilityCheck.stop();
      await services.recordsArea.watch.stop();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await closeRedis?.();
      await closeSharedState();
      await disconnectDatabase().catch((err: unknown) => logger.warn({ err }, 'database disconnect failed'));
      await embedded?.stop();
      logger.info('stopped');
    })());

  logger.info({ url, version, database: embedded ? 'embedded' : 'external' }, `zhiban listening on ${url}`);
  return { url, port, io, logger, embedded, services, stop };
}

async function main(): Promise<void> {
  let server: RunningServer | undefined;
  const shutdown = (code: number) => {
    const done = server ? server.stop() : Promise.resolve();
    const force = setTimeout(() => process.exit(code || 1), 10_000);
    force.unref();
    void done.finally(() => process.exit(code));
  };
  process.once('SIGINT', () => shutdown(0));
  process.once('SIGTERM', () => shutdown(0));
  process.on('uncaughtException', (err) => {
    if (server) server.logger.fatal({ err }, "uncaught exception");
    else process.stderr.write(`${String(err)}\n`);
    shutdown(1);
  });
  try {
    server = await startServer();
  } catch (err) {
    process.stderr.write(`zhiban could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
