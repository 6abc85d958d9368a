import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlanResult, PlanStage, RotaInstance } from '../../../../../scheduler/src/index';

export type PlanProgress = (fraction: number, stage: PlanStage) => void;

/** Plans in a worker thread so that requests keep being served while the engine works. */
export function planInWorker(instance: RotaInstance, onProgress: PlanProgress): Promise<PlanResult> {
  const entry = path.join(__dirname, `plan.worker${path.extname(__filename)}`);
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'boot.cjs'), { workerData: { instance, entry } });
    let settled = false;
    worker.on('message', (m: { type: 'progress'; fraction: number; stage: PlanStage } | { type: 'result'; result: PlanResult }) => {
      if (m.type === 'progress') onProgress(m.fraction, m.stage);
      else {
        settled = true;
        resolve(m.result);
        void worker.terminate();
      }
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`planning worker exited with ${code} before answering`));
    });
  });
}
