import { parentPort } from 'node:worker_threads';
import { previewPattern, type PreviewJob } from './previewPattern';

/** Answers preview requests one at a time; the parent ends this thread when one runs too long. */
parentPort!.on('message', (m: { id: number; job: PreviewJob }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: previewPattern(m.job) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
