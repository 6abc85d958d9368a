/**
 * Hands items over in batches: at once (next timer tick) when nothing was sent for `intervalMs`,
 * otherwise at most once per `intervalMs`. A quiet board gets each update within a few
 * milliseconds; a busy one gets fewer, larger messages, so sending to many sockets keeps up.
 */
export interface Batcher<T> {
  push(item: T): void;
  /** Sends what is pending now (shutdown). */
  flush(): void;
}

export function createBatcher<T>(send: (items: T[]) => void, intervalMs: number, now: () => number = Date.now): Batcher<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = Number.NEGATIVE_INFINITY;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    last = now();
    send(items);
  }

  return {
    push(item) {
      pending.push(item);
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + intervalMs - now()));
      timer.unref?.();
    },
    flush,
  };
}
