import { computed, onMounted, onUnmounted, ref, type Ref } from 'vue';
import { checkinsApi, KIOSK_EVENTS, type KioskView } from '@/api/checkins';
import { ApiError } from '@/api/http';
import { getSocket } from '@/composables/useSocket';

const RETRY_MS = 5_000;

/**
 * Fetches the kiosk view again when the server pushes `kiosk:changed` (a check-in, a shift
 * moving on) and at the pace the server asks (`refreshInMs`, each new code window), keeps the
 * last good view while the network is down, and counts down to the next code on the server's
 * clock.
 */
export function useKioskFeed(code: Ref<string>, token: Ref<string>) {
  const view = ref<KioskView | null>(null);
  const problem = ref<'' | 'token' | 'offline' | 'other'>('');
  const skewMs = ref(0);
  const now = ref(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  async function poll(): Promise<void> {
    clearTimeout(timer);
    if (stopped || !token.value) return;
    let next = RETRY_MS;
    try {
      const v = await checkinsApi.kiosk(code.value, token.value);
      view.value = v;
      skewMs.value = Date.parse(v.serverTime) - Date.now();
      problem.value = '';
      next = v.refreshInMs;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'kiosk_token_invalid') {
        problem.value = 'token';
        view.value = null;
        next = 30_000;
      } else {
        problem.value = err instanceof ApiError && err.status >= 400 && err.status < 500 ? 'other' : 'offline';
      }
    }
    if (!stopped) timer = setTimeout(poll, next);
  }

  const secondsLeft = computed(() => {
    if (!view.value) return 0;
    return Math.max(0, Math.ceil((Date.parse(view.value.code.validUntil) - (now.value + skewMs.value)) / 1000));
  });
  /** The code on screen has been replaced on the server (we could not fetch the new one). */
  const stale = computed(() => !!view.value && now.value + skewMs.value > Date.parse(view.value.code.validUntil) + view.value.code.windowSeconds * 1000);

  // Pushes: join the post's kiosk room (again after each reconnect) and refetch on a change.
  const socket = getSocket();
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  const join = () => {
    if (token.value) socket.emit(KIOSK_EVENTS.watch, { code: code.value, token: token.value }, () => undefined);
  };
  const changed = () => {
    clearTimeout(pushTimer);
    pushTimer = setTimeout(() => void poll(), 100);
  };
  const rejoin = () => {
    join();
    void poll();
  };

  onMounted(() => {
    ticker = setInterval(() => (now.value = Date.now()), 1000);
    socket.on('connect', rejoin);
    socket.on(KIOSK_EVENTS.changed, changed);
    if (socket.connected) join();
    void poll();
  });
  onUnmounted(() => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(pushTimer);
    clearInterval(ticker);
    socket.off('connect', rejoin);
    socket.off(KIOSK_EVENTS.changed, changed);
  });

  return { view, problem, secondsLeft, stale, poll, join, serverNow: computed(() => new Date(now.value + skewMs.value)) };
}
