import { parentPort, workerData } from 'node:worker_threads';
import { planRota, type RotaInstance } from '../../../../../scheduler/src/index';

/** Runs the engine off the request thread; the parent turns its messages into job progress. */
const { instance } = workerData as { instance: RotaInstance; entry: string };
const result = planRota(instance, { onProgress: (fraction, stage) => parentPort!.postMessage({ type: 'progress', fraction, stage }) });
parentPort!.postMessage({ type: 'result', result });
