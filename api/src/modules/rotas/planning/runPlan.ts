import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlanResult, RotaInstance } from '../../../../../scheduler/src/index';

/** Plans in a worker thread so that requests keep being served while the engine works. */
export function planInWorker(instance: RotaInstance, onPhase: (phase: string) => void): Promise<PlanResult> {
  const entry = path.join(__dirname, `plan.worker${path.extname(__filename)}`);
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'boot.cjs'), { workerData: { instance, entry } });
    worker.on('message', (m: { type: 'progress'; phase: string } | { type: 'result'; result: PlanResult }) => {
      if (m.type === 'progress') onPhase(m.phase);
      else {
        resolve(m.result);
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`planning worker exited with ${code}`));
    });
  });
}
