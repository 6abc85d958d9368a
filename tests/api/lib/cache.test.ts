import express from 'express';
import { createCacheHub, type CacheBus, type Invalidation } from '../../../api/src/db/cache';
import { connectSharedState } from '../../../api/src/db/shared-state';
import { createLogger } from '../../../api/src/lib/logger';
import { sharedRateLimit } from '../../../api/src/lib/rate-limit';
import { listen } from '../../support/app';
import { haveRedis, startRedis, type TestRedis } from '../../support/redis';

/** Buses joined in one test process, standing in for processes joined by Redis. */
function memoryBuses() {
  const handlers = new Set<(m: Invalidation) => void>();
  const sent: Invalidation[] = [];
  const bus = (): CacheBus => ({
    async publish(m) {
      sent.push(m);
      for (const h of handlers) h(m);
    },
    async subscribe(h) {
      handlers.add(h);
      return async () => void handlers.delete(h);
    },
  });
  return { bus, sent };
}

function counter() {
  let n = 0;
  return { load: async () => ++n, get count() { return n; } };
}

describe('the cache hub', () => {
  it('When configuration names a cache, then its time limit replaces the default', async () => {
    const hub = createCacheHub('p1');
    let t = 0;
    const loads = counter();
    const posts = hub.snapshot('posts', loads.load, 5000, { now: () => t });
    hub.configure({ ttlMs: { posts: 100 } });
    await posts.get();
    t = 150;
    expect(await posts.get()).toBe(2);
    expect(hub.ttl('posts', 5000)).toBe(100);
    expect(hub.ttl('publications', 1000)).toBe(1000);
  });

  it('When a topic is invalidated, then every cache on it forgets (only the keys named) and other topics keep theirs', async () => {
    const hub = createCacheHub('p1');
    const posts = counter();
    const snapshot = hub.snapshot('posts', posts.load, 60_000);
    const names = new Map([['a', 'A'], ['b', 'B']]);
    const reads: string[][] = [];
    const postNames = hub.byId('postNames', 'posts', async (ids) => (reads.push(ids), ids.map((id) => ({ id, name: names.get(id)! }))));
    const other = counter();
    const publications = hub.snapshot('publications', other.load, 60_000);
    await Promise.all([snapshot.get(), postNames(['a', 'b']), publications.get()]);

    names.set('a', 'A2');
    hub.invalidate('posts', ['a']);
    expect((await postNames(['a', 'b'])).get('a')?.name).toBe('A2');
    expect(reads).toEqual([['a', 'b'], ['a']]);
    expect(await snapshot.get()).toBe(2);
    expect(await publications.get()).toBe(1);
  });

  it('When one process clears a snapshot, then the other process reads it again and the sender is not told twice', async () => {
    const { bus, sent } = memoryBuses();
    const [a, b] = [createCacheHub('A'), createCacheHub('B')];
    await a.connect(bus());
    const leaveB = await b.connect(bus());
    const inA = counter();
    const inB = counter();
    const postsA = a.snapshot('posts', inA.load, 60_000);
    const postsB = b.snapshot('posts', inB.load, 60_000);
    await Promise.all([postsA.get(), postsB.get()]);

    postsA.clear();
    await Promise.resolve();
    expect(sent).toEqual([{ topic: 'posts', origin: 'A' }]);
    expect(await postsB.get()).toBe(2);
    expect(await postsA.get()).toBe(2);

    await leaveB();
    postsA.clear();
    expect(await postsB.get()).toBe(2);
  });
});

(haveRedis || process.env.CI ? describe : describe.skip)('shared state over Redis', () => {
  // CI installs redis-server; a developer machine without it skips this block rather than failing on a missing tool.
  jest.setTimeout(30_000);
  let redis: TestRedis;
  const logger = createLogger('silent');
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('When a write in one process clears a cache, then another process connected to Redis forgets it too', async () => {
    const [a, b] = [createCacheHub('A'), createCacheHub('B')];
    const closers = [await connectSharedState({ redisUrl: redis.url }, logger, a), await connectSharedState({ redisUrl: redis.url }, logger, b)];
    try {
      const names = new Map([['l1', '张律师']]);
      const lookupB = b.byId('lawyerNames', 'lawyers', async (ids) => ids.map((id) => ({ id, name: names.get(id)! })));
      expect((await lookupB(['l1'])).get('l1')?.name).toBe('张律师');
      names.set('l1', '张伟律师');
      a.invalidate('lawyers', ['l1']);
      // Pub/sub delivery is asynchronous: wait until B has heard (bounded by the test timeout).
      while ((await lookupB(['l1'])).get('l1')?.name !== '张伟律师') await new Promise((r) => setTimeout(r, 10));
    } finally {
      for (const close of closers) await close();
    }
  });

  it('When two processes limit sign-ins, then with Redis they share one count', async () => {
    const hubs = [createCacheHub('A'), createCacheHub('B')];
    const apps = [];
    const closers = [];
    for (const hub of hubs) {
      closers.push(await connectSharedState({ redisUrl: redis.url }, logger, hub));
      const app = express();
      // Both limiters are made while shared state is connected, as createApp is after server start.
      app.post('/login', sharedRateLimit('test-login', { windowMs: 60_000, limit: 3, keyGenerator: () => 'same-user' }), (_req, res) => {
        res.status(401).end();
      });
      apps.push(await listen(app));
    }
    try {
      const statuses: number[] = [];
      for (const i of [0, 1, 0, 1]) statuses.push((await fetch(`${apps[i]!.url}/login`, { method: 'POST' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      for (const a of apps) await a.close();
      for (const close of closers) await close();
    }
  });

  it('When shared state is not connected, then each process counts alone', async () => {
    const apps = [];
    for (let i = 0; i < 2; i++) {
      const app = express();
      app.post('/login', sharedRateLimit('test-alone', { windowMs: 60_000, limit: 1, keyGenerator: () => 'same-user' }), (_req, res) => {
        res.status(401).end();
      });
      apps.push(await listen(app));
    }
    try {
      const statuses: number[] = [];
      for (const i of [0, 1, 0]) statuses.push((await fetch(`${apps[i]!.url}/login`, { method: 'POST' })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      for (const a of apps) await a.close();
    }
  });
});
