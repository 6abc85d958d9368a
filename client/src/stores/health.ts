import { defineStore } from 'pinia';
import { ref } from 'vue';
import { fetchHealth, type Health } from '@/api/health';

export const useHealthStore = defineStore('health', () => {
  const health = ref<Health | null>(null);
  const failed = ref(false);

  async function refresh(): Promise<void> {
    try {
      health.value = await fetchHealth();
      failed.value = false;
    } catch {
      failed.value = true;
    }
  }

  return { health, failed, refresh };
});
