import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PatternPreview } from '../../../contracts/shifts';
import { AppError } from '../../../lib/errors';
import type { PreviewJob } from './previewPattern';

/** How long one preview may compute once the thread is ready. */
export const PREVIEW_TIME_LIMIT_MS = 1000;

interface Pending {
  resolve(result: PatternPreview): void;
  reject(err: Error): void;
  timer?: NodeJS.Timeout;
  job: PreviewJob;
}

/**
 * Previews run in one long-lived worker thread, so a slow expansion never holds up other
 * requests; a preview that runs past its time limit ends the thread (a fresh one starts
 * for the next) and answers 422 `preview_too_slow`.
 */
export function createPreviewRunner(timeLimitMs = PREVIEW_TIME_LIMIT_MS) {
  let worker: Worker | null = null;
  let ready = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = (id: number, p: Pending) => {
    p.timer = setTimeout(() => {
      pending.delete(id);
      p.reject(new AppError('preview_too_slow', `The preview took longer than ${timeLimitMs} ms`, 422, { limitMs: timeLimitMs }));
      restart();
    }, timeLimitMs);
    worker!.postMessage({ id, job: p.job });
  };

  const restart = () => {
    const old = worker;
    worker = null;
    ready = false;
    if (old) void old.terminate();
    // Others waiting are sent again to the next thread.
    const waiting = [...pending.entries()];
    for (const [, p] of waiting) if (p.timer) clearTimeout(p.timer);
    if (waiting.length) {
      spawn();
      for (const [, p] of waiting) p.timer = undefined;
    }
  };

  const spawn = () => {
    const entry = path.join(__dirname, `preview.worker${path.extname(__filename)}`);
    const w = new Worker(path.join(__dirname, '../../rotas/planning/boot.cjs'), { workerData: { entry } });
    worker = w;
    w.on('message', (m: { ready?: true; id?: number; result?: PatternPreview; error?: string }) => {
      if (m.ready) {
        ready = true;
        for (const [id, p] of pending) if (!p.timer) start(id, p);
        return;
      }
      const p = pending.get(m.id!);
      if (!p) return;
      pending.delete(m.id!);
      clearTimeout(p.timer);
      if (m.error !== undefined) p.reject(new AppError('invalid_preview', m.error, 400));
      else p.resolve(m.result!);
    });
    w.once('error', (err) => {
      if (worker !== w) return;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        pending.delete(id);
        p.reject(err);
      }
      worker = null;
      ready = false;
    });
    // An idle preview thread must not keep the process alive (listeners ref it, so unref last).
    w.unref();
  };

  function run(job: PreviewJob): Promise<PatternPreview> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const p: Pending = { resolve, reject, job };
      pending.set(id, p);
      if (!worker) spawn();
      else if (ready) start(id, p);
    });
  }

  async function close(): Promise<void> {
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  }

  return { run, close };
}

export type PreviewRunner = ReturnType<typeof createPreviewRunner>;
