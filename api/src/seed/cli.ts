/**
 * npm run seed -- --demo [--reset]
 *   --demo   seed the Nanjing demo world (38 posts, 340 lawyers, one account per role, and a
 *            published rota for every post for the current and the next month, and the past three
 *            months with amendments, swaps, check-ins and attendance events)
 *   --reset  drop the database first
 * Connects to MONGODB_URI, or starts the embedded database exactly as the server does.
 */
import { loadConfig } from '../config';
import { disconnectDatabase } from '../db/mongo';
import { systemClock } from '../lib/clock';
import { createLogger } from '../lib/logger';
import { openDatabase } from '../server';
import { createServices, defaultSessionPolicy } from '../modules/services';
import { demoLoginsText, seedDemo } from './demo';
import { seedDemoRotas } from './demoRotas';
import { seedDemoHistory } from './demoHistory';
import { seedDemoRecords } from './demoRecords';

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv);
  const unknown = argv.filter((a) => !['--demo', '--reset'].includes(a));
  if (unknown.length > 0 || !flags.has('--demo')) {
    process.stderr.write('Usage: npm run seed -- --demo [--reset]\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { embedded } = await openDatabase(config, logger);
  try {
    const started = Date.now();
    const summary = await seedDemo({ clock: systemClock, reset: flags.has('--reset') });
    const services = createServices({ clock: systemClock, session: defaultSessionPolicy, logger });
    const rotas = await seedDemoRotas(services, systemClock);
    const history = await seedDemoHistory({ now: systemClock.now(), logger });
    const records = await seedDemoRecords(services, systemClock);
    process.stdout.write(
      `Seeded ${summary.posts} new posts, ${summary.lawyers} new lawyers, accounts: ${summary.accounts.join(', ') || 'none new'}, ` +
        `published rotas: ${rotas.map((r) => `${r.month} (${r.duties} duties)`).join(', ') || 'none new'}, ` +
        `history: ${history.months.join(', ') || 'none new'} (${history.amendments} amendments, ${history.swaps} swaps, ${history.checkins} check-ins, ${history.attendanceEvents} attendance events) ` +
        `duty records: ${records.records} on ${records.dutiesWithCheckin} attended duties, ${records.fastTrackCases} fast-track cases ` +
        `(${Date.now() - started} ms).\nDemo logins (username / password):\n${demoLoginsText()}\n`,
    );
    return 0;
  } finally {
    await disconnectDatabase();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`seed failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
