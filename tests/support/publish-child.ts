/**
 * A separate process that amends a published rota and dies (SIGKILL, no clean-up) the moment
 * the publication job announces it is about to switch versions — after the new version's
 * duties are written, before it becomes current. Used by the crash test.
 *
 * argv: <mongodb uri> <rota id> <json edit body>
 */
import { connectDatabase } from '../../api/src/db/mongo';
import { systemClock } from '../../api/src/lib/clock';
import { createServices, defaultSessionPolicy } from '../../api/src/modules/services';

async function main(): Promise<void> {
  const [uri, rotaId, editJson] = process.argv.slice(2);
  await connectDatabase(uri!);
  const services = createServices({ clock: systemClock, session: defaultSessionPolicy, planInWorker: false });
  services.events.on('job.updated', (job) => {
    if (job.kind === 'publish-rota' && job.progress.phase === 'switch') process.kill(process.pid, 'SIGKILL');
  });
  const actor = { userId: 'crash-test', username: 'coord', role: 'coordinator' as const, lawyerId: null, requestId: null };
  await services.rotas.edit(actor, rotaId!, JSON.parse(editJson!));
  process.stdout.write('finished without dying\n');
  process.exit(3);
}

void main();
