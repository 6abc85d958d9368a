import type { Logger } from './logger';

/** An event's payload by its name. */
export type EventMap = Record<string, unknown>;
export type Listener<P> = (payload: P) => void | Promise<void>;

/**
 * A small typed in-process event bus. One area emits, another subscribes when the composition
 * root wires them, so neither needs the other at construction.
 */
export interface EventBus<E extends EventMap> {
  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof E>(name: K, listener: Listener<E[K]>): () => void;
  /**
   * Runs every listener in subscription order and waits for each. A listener's error reaches the
   * emitter: the reaction is part of the emitter's operation (its caller sees it fail).
   */
  emit<K extends keyof E>(name: K, payload: E[K]): Promise<void>;
  /**
   * Tells the listeners without waiting (announcements after a write, e.g. realtime pushes). A
   * listener's error is logged and never reaches the announcer.
   */
  announce<K extends keyof E>(name: K, payload: E[K]): void;
}

export function createEventBus<E extends EventMap>(opts: { logger?: Logger } = {}): EventBus<E> {
  const listeners = new Map<keyof E, Listener<never>[]>();
  const of = <K extends keyof E>(name: K) => (listeners.get(name) ?? []) as Listener<E[K]>[];
  const failed = (name: keyof E) => (err: unknown) => opts.logger?.error({ err, event: String(name) }, 'event listener failed');

  return {
    on(name, listener) {
      listeners.set(name, [...of(name), listener]);
      return () => listeners.set(name, of(name).filter((l) => l !== listener));
    },
    async emit(name, payload) {
      for (const listener of of(name)) await listener(payload);
    },
    announce(name, payload) {
      for (const listener of of(name)) {
        try {
          const done = listener(payload);
          if (done) done.catch(failed(name));
        } catch (err) {
          failed(name)(err);
        }
      }
    },
  };
}
