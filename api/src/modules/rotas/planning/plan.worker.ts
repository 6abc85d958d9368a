import { parentPort, workerData } from 'node:worker_threads';
import { planRota, type RotaInstance } from '../../../../../scheduler/src/index';

/** Runs the engine off the request thread; the parent turns its messages into job progress. */
const { instance } = workerData as { instance: RotaInstance; entry: string };
parentPort!.postMessage({ type: 'progress', phase: 'solving' });
const result = planRota(instance);
parentPort!.postMessage({ type: 'result', result });
