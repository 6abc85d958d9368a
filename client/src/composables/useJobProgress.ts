import { onScopeDispose, ref } from 'vue';
import type { JobView } from '@/api/rotas';
import { rotasApi } from '@/api/rotas';
import { getSocket, subscribe } from './useSocket';

const POLL_MS = 1500;

/**
 * Follows a background job (planning, publishing): live through Socket.IO `job:update`
 * after `job:watch`, with polling of GET /api/jobs/:id as the fallback for a missed event or
 * a socket that cannot connect. Resolves with the finished job.
 */
export function useJobProgress() {
  const job = ref<JobView | null>(null);
  let stop: (() => void) | undefined;

  function release(): void {
    stop?.();
    stop = undefined;
  }
  onScopeDispose(release);

  function follow(jobId: string): Promise<JobView> {
    release();
    job.value = { id: jobId, kind: '', status: 'queued', progress: { done: 0, total: 1, phase: 'loading' }, error: null, result: null };
    return new Promise<JobView>((resolve) => {
      let finished = false;
      const take = (view: JobView) => {
        if (finished || view.id !== jobId) return;
        job.value = view;
        if (view.status === 'done' || view.status === 'failed') {
          finished = true;
          release();
          resolve(view);
        }
      };
      const unsubscribe = subscribe('job:update', take);
      const poll = async () => {
        try {
          take(await rotasApi.job(jobId));
        } catch {
          // the next poll or a socket event brings the news
        }
      };
      const timer = setInterval(() => void poll(), POLL_MS);
      stop = () => {
        unsubscribe();
        clearInterval(timer);
      };
      // Ask once after joining the room: the job may have moved before we joined.
      getSocket()
        .timeout(3000)
        .emit('job:watch', jobId, () => void poll());
    });
  }

  const percent = () => {
    const p = job.value?.progress;
    if (!p || p.total <= 0) return 0;
    return Math.min(100, Math.round((p.done / p.total) * 100));
  };

  return { job, follow, percent, release };
}
