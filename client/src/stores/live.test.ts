import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createPinia, setActivePinia } from 'pinia';
import type { LiveBoard, LiveBoardUpdate, LiveLawyer, LivePost } from '@/api/checkins';
import { fakeFetch } from '@/testing/fakeFetch';

// A socket that records what the store sends and lets the test push events.
type Handler = (...args: unknown[]) => void;
const handlers = new Map<string, Set<Handler>>();
const emitted: string[] = [];
const socket = {
  connected: true,
  on: (event: string, h: Handler) => handlers.set(event, (handlers.get(event) ?? new Set()).add(h)),
  off: (event: string, h: Handler) => handlers.get(event)?.delete(h),
  emit: (event: string, ack?: (ok: boolean) => void) => {
    emitted.push(event);
    ack?.(true);
  },
  disconnect: () => socket,
  connect: () => socket,
};
const push = (event: string, payload: unknown) => handlers.get(event)?.forEach((h) => h(payload));
jest.mock('@/composables/useSocket', () => ({
  getSocket: () => socket,
  subscribe: (event: string, h: Handler) => {
    socket.on(event, h);
    return () => socket.off(event, h);
  },
}));

const lawyer = (dutyKey: string, state: LiveLawyer['state']): LiveLawyer => ({ dutyKey, lawyerId: dutyKey, name: dutyKey, state, checkedInAt: null, checkedOutAt: null });
function post(postId: string, district: string, kind: string, lawyers: LiveLawyer[]): LivePost {
  const shift = { slotId: `${postId}-s`, day: '2026-03-02', localStart: '09:00', localEnd: '11:30', start: '2026-03-02T01:00:00Z', end: '2026-03-02T03:30:00Z', lawyers };
  return { postId, code: postId.toUpperCase(), name: postId, district, kind, current: shift, next: null };
}
const board = (): LiveBoard => ({
  at: '2026-03-02T01:05:00Z',
  posts: [post('p1', '玄武区', 'court', [lawyer('d1', 'due'), lawyer('d2', 'checked_in')]), post('p2', '秦淮区', 'court', [lawyer('d3', 'late')])],
  counters: {} as LiveBoard['counters'],
});
const update = (dutyKey: string, state: LiveLawyer['state'], postId = 'p1'): LiveBoardUpdate => ({
  postId,
  slotId: `${postId}-s`,
  dutyKey,
  lawyerId: dutyKey,
  state,
  checkedInAt: state === 'checked_in' ? '2026-03-02T01:06:00Z' : null,
  checkedOutAt: null,
  cause: 'checkin',
  at: '2026-03-02T01:06:00Z',
});

// Loaded after the socket is mocked (SWC does not hoist jest.mock above imports from @jest/globals).
let useLiveStore: typeof import('./live').useLiveStore;
let statesOf: typeof import('./live').statesOf;
beforeAll(async () => {
  ({ useLiveStore, statesOf } = await import('./live'));
});

describe('the live board store', () => {
  let server: ReturnType<typeof fakeFetch>;
  beforeEach(async () => {
    handlers.clear();
    emitted.length = 0;
    setActivePinia(createPinia());
    server = fakeFetch();
    server.answer('GET', '/api/liveboard', board());
    await useLiveStore().load();
  });

  it('When the board loads, then counters add up per district, per kind and in total', () => {
    const live = useLiveStore();
    expect(live.counters.total).toMatchObject({ due: 1, checked_in: 1, late: 1, absent: 0 });
    expect(live.counters.byDistrict['玄武区']).toMatchObject({ due: 1, checked_in: 1 });
    expect(live.counters.byKind.court).toMatchObject({ due: 1, checked_in: 1, late: 1 });
    expect(live.districts).toEqual(['秦淮区', '玄武区'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('When a check-in update arrives, then that lawyer changes and the counters follow', () => {
    const live = useLiveStore();
    expect(live.apply(update('d1', 'checked_in'))).toBe(true);
    expect(statesOf(live.byId.p1!)).toEqual(['checked_in', 'checked_in']);
    expect(live.counters.total.due).toBe(0);
    expect(live.at).toBe('2026-03-02T01:06:00Z');
  });

  it('When an update names a duty the board does not know, then it reports that', () => {
    expect(useLiveStore().apply(update('unknown', 'late'))).toBe(false);
  });

  it('When the store watches, then it joins the room and an unknown duty in a batch reloads the board', async () => {
    const live = useLiveStore();
    const release = live.watch();
    expect(emitted).toEqual(['liveboard:watch']);
    expect(live.connected).toBe(true);
    push('liveboard:updates', [update('d3', 'checked_in', 'p2'), update('new', 'due', 'p9')]);
    await Promise.resolve();
    expect(server.sent.filter((r) => r.url === '/api/liveboard')).toHaveLength(2);
    release();
    expect(emitted).toEqual(['liveboard:watch', 'liveboard:unwatch']);
    expect(live.connected).toBe(false);
    expect(handlers.get('liveboard:updates')?.size ?? 0).toBe(0);
  });

  it('When a whole post row arrives, then it replaces the row, and a new post is appended', () => {
    const live = useLiveStore();
    const release = live.watch();
    push('liveboard:posts', [post('p1', '玄武区', 'court', []), post('p3', '鼓楼区', 'procuratorate', [lawyer('d9', 'absent')])]);
    expect(live.posts.map((p) => p.postId)).toEqual(['p1', 'p2', 'p3']);
    expect(live.counters.total).toMatchObject({ due: 0, checked_in: 0, late: 1, absent: 1 });
    release();
  });
});
