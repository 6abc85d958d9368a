import { computed, ref, watch } from 'vue';
import { ApiError } from '@/api/http';
import type { RotaViolation } from '@/api/rotas';
import { useCalendarConfirm } from '@/composables/useCalendarConfirm';
import { useJobProgress } from '@/composables/useJobProgress';
import { useWorkflowError } from '@/composables/useWorkflowError';
import { useRotasStore } from '@/stores/rotas';

/**
 * What the review page does with the rota under review: live-check pending edits, save
 * them (as an amendment once published), publish and re-plan through background jobs.
 */
export function useRotaActions(rotaId: () => string) {
  const store = useRotasStore();
  const { workflowError, violationsOf } = useWorkflowError();
  const { job, follow } = useJobProgress();

  const pendingViolations = ref<RotaViolation[]>([]);
  const saveViolations = ref<string[]>([]);
  const conflict = ref(false);
  const error = ref('');
  const busy = ref(false);
  const published = computed(() => store.current?.status === 'published');
  let seq = 0;

  watch(
    () => store.edits,
    async () => {
      const mine = ++seq;
      if (store.editCount === 0) {
        pendingViolations.value = [];
        return;
      }
      try {
        const res = await store.check();
        if (mine === seq) pendingViolations.value = res.violations;
      } catch (err) {
        if (mine === seq) handle(err);
      }
    },
    { deep: true },
  );

  function handle(err: unknown): void {
    if (err instanceof ApiError && err.code === 'rota_conflict') conflict.value = true;
    else if (err instanceof ApiError && err.code === 'rule_violation') saveViolations.value = violationsOf(err);
    error.value = workflowError(err);
  }

  function clear(): void {
    error.value = '';
    saveViolations.value = [];
  }

  async function reload(): Promise<void> {
    clear();
    conflict.value = false;
    await store.load(rotaId());
    // Versions hold every published copy of the month: read after the rota, without holding up the grid.
    if (store.current?.status === 'published') void store.loadVersions(rotaId()).catch(() => undefined);
  }

  async function save(reason?: string): Promise<boolean> {
    clear();
    busy.value = true;
    try {
      await store.save(reason);
      if (published.value) await store.loadVersions(rotaId());
      return true;
    } catch (err) {
      handle(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function runJob(start: () => Promise<{ jobId: string }>): Promise<boolean> {
    clear();
    busy.value = true;
    try {
      const started = await start();
      const done = await follow(started.jobId);
      if (done.status === 'failed') {
        error.value = done.error ?? '';
        return false;
      }
      await reload();
      return true;
    } catch (err) {
      handle(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  const { withCalendarConfirm } = useCalendarConfirm();
  const publish = (note: string) => runJob(() => withCalendarConfirm((confirm) => store.publish(note, confirm)));
  const replan = () => runJob(() => store.replan());

  return { job, follow, pendingViolations, saveViolations, conflict, error, busy, published, reload, save, publish, replan, clear };
}
