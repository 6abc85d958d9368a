import { shortLived } from '../../../api/src/lib/short-lived';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('shortLived', () => {
  it('loads once within the time to live and again after it', async () => {
    let t = 0;
    let loads = 0;
    const c = shortLived(async () => ++loads, 1000, { now: () => t });
    expect(await c.get()).toBe(1);
    t = 999;
    expect(await c.get()).toBe(1);
    t = 1000;
    expect(await c.get()).toBe(2);
  });

  it('shares one load between concurrent readers', async () => {
    const d = deferred<string>();
    let loads = 0;
    const c = shortLived(() => (loads++, d.promise), 1000);
    const both = Promise.all([c.get(), c.get()]);
    d.resolve('x');
    expect(await both).toEqual(['x', 'x']);
    expect(loads).toBe(1);
  });

  it('clear() makes the next read load again, and drops a value read while a write happened', async () => {
    const first = deferred<string>();
    const loads: string[] = [];
    let next: () => Promise<string> = () => first.promise;
    const c = shortLived(() => (loads.push('load'), next()), 60_000);
    const early = c.get();
    c.clear(); // a write landed while the first read was in flight
    next = async () => 'fresh';
    first.resolve('stale');
    expect(await early).toBe('stale');
    expect(await c.get()).toBe('fresh');
    expect(loads).toHaveLength(2);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const c = shortLived(async () => {
      if (fail) throw new Error('down');
      return 'up';
    }, 60_000);
    await expect(c.get()).rejects.toThrow('down');
    fail = false;
    expect(await c.get()).toBe('up');
  });

  it('with staleWhileRefresh, an expired value is answered at once while the new one is read', async () => {
    let t = 0;
    let loads = 0;
    const c = shortLived(async () => ++loads, 1000, { now: () => t, staleWhileRefresh: true });
    expect(await c.get()).toBe(1);
    t = 5000;
    expect(await c.get()).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(await c.get()).toBe(2);
    c.clear();
    expect(await c.get()).toBe(3); // nothing to answer: waits for the read
  });
});
