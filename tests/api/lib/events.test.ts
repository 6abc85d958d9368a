import { createEventBus } from '../../../api/src/lib/events';
import type { Logger } from '../../../api/src/lib/logger';

type Events = { 'thing.done': { id: string }; other: number };

function recordingLogger() {
  const errors: unknown[] = [];
  return { errors, logger: { error: (obj: unknown) => void errors.push(obj) } as unknown as Logger };
}

describe('event bus', () => {
  it('when an event is emitted, then its listeners run in subscription order and the emitter waits for each', async () => {
    const bus = createEventBus<Events>();
    const seen: string[] = [];
    bus.on('thing.done', async (e) => {
      await new Promise((r) => setImmediate(r));
      seen.push(`first ${e.id}`);
    });
    bus.on('thing.done', (e) => void seen.push(`second ${e.id}`));
    bus.on('other', () => void seen.push('other'));
    await bus.emit('thing.done', { id: 'a' });
    expect(seen).toEqual(['first a', 'second a']);
  });

  it('when an emitted event has no listener, then emitting resolves', async () => {
    await expect(createEventBus<Events>().emit('other', 1)).resolves.toBeUndefined();
  });

  it("when a listener of an emitted event fails, then the emitter sees the error and later listeners do not run", async () => {
    const bus = createEventBus<Events>();
    const later = jest.fn();
    bus.on('thing.done', async () => {
      throw new Error('refused');
    });
    bus.on('thing.done', later);
    await expect(bus.emit('thing.done', { id: 'b' })).rejects.toThrow('refused');
    expect(later).not.toHaveBeenCalled();
  });

  it('when an event is announced, then listeners run at once and their errors are logged, never thrown', async () => {
    const { errors, logger } = recordingLogger();
    const bus = createEventBus<Events>({ logger });
    const seen: number[] = [];
    bus.on('other', () => {
      throw new Error('sync failure');
    });
    bus.on('other', async () => {
      throw new Error('async failure');
    });
    bus.on('other', (n) => void seen.push(n));
    expect(() => bus.announce('other', 7)).not.toThrow();
    expect(seen).toEqual([7]);
    await new Promise((r) => setImmediate(r));
    expect(errors).toEqual([
      expect.objectContaining({ event: 'other', err: expect.objectContaining({ message: 'sync failure' }) }),
      expect.objectContaining({ event: 'other', err: expect.objectContaining({ message: 'async failure' }) }),
    ]);
  });

  it('when a listener unsubscribes, then it hears nothing more', async () => {
    const bus = createEventBus<Events>();
    const heard = jest.fn();
    const off = bus.on('other', heard);
    await bus.emit('other', 1);
    off();
    await bus.emit('other', 2);
    bus.announce('other', 3);
    expect(heard.mock.calls).toEqual([[1]]);
  });
});
