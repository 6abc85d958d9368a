/**
 * A separate process that sets a lawyer to 已清退 and runs the removal job, dying (SIGKILL, no
 * clean-up) the moment the job's first re-publication is about to switch versions — after the
 * first rota's repair is saved, before it is published or checkpointed. Used by the crash test.
 *
 * argv: <mongodb uri> <lawyer id>
 */
import { connectDatabase } from '../../api/src/db/mongo';
import { systemClock } from '../../api/src/lib/clock';
import { createServices, defaultSessionPolicy } from '../../api/src/modules/services';

async function main(): Promise<void> {
  const [uri, lawyerId] = process.argv.slice(2);
  await connectDatabase(uri!);
  const services = createServices({ clock: systemClock, session: defaultSessionPolicy, planInWorker: false });
  services.events.on('job.updated', (job) => {
    if (job.kind === 'publish-rota' && job.progress.phase === 'switch') process.kill(process.pid, 'SIGKILL');
  });
  const actor = { userId: 'crash-test', username: 'coord', role: 'coordinator' as const, lawyerId: null, requestId: null };
  await services.lawyers.changeStatus(actor, lawyerId!, 'removed', '严重违反值班纪律');
  while (await services.jobs.runOnce()) {
    /* run the removal job here */
  }
  process.stdout.write('finished without dying\n');
  process.exit(3);
}

void main();
