import { beforeEach, describe, expect, it } from '@jest/globals';
import { createPinia, setActivePinia } from 'pinia';
import type { Notification, Swap } from '@/api/selfservice';
import { fakeFetch } from '@/testing/fakeFetch';
import { useAuthStore } from './auth';
import { useSelfServiceStore } from './selfservice';

function swap(id: string, over: Partial<Swap>): Swap {
  return {
    id,
    rotaId: 'r1',
    slotId: `slot-${id}`,
    day: '2026-03-02',
    postName: '玄武区看守所',
    localStart: '09:00',
    localEnd: '11:30',
    requesterId: 'me',
    requesterName: '我',
    partnerLawyerId: null,
    partnerName: null,
    partnerSlotId: null,
    status: 'open',
    note: null,
    decisionNote: null,
    createdAt: `2026-02-0${id}T00:00:00.000Z`,
    ...over,
  };
}
const note = (id: string, read: boolean, createdAt: string): Notification => ({ id, kind: 'swap.requested', key: 'notifications.swapRequested', params: {}, text: '', read, createdAt });

describe('the self-service store', () => {
  let server: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    setActivePinia(createPinia());
    server = fakeFetch();
    useAuthStore().user = { id: 'u', username: 'me', displayName: '我', role: 'lawyer', lawyerId: 'me', mustChangePassword: false };
  });

  it('When swaps are loaded, then they split into mine, asked of me and open offers from others, newest first', async () => {
    server.answer('GET', '/api/swaps/mine', [
      swap('1', {}),
      swap('2', { requesterId: 'other', partnerLawyerId: 'me' }),
      swap('3', { requesterId: 'other' }),
      swap('4', { requesterId: 'other', status: 'cancelled' }),
      swap('5', { requesterId: 'other', partnerLawyerId: 'third' }),
    ]);
    const store = useSelfServiceStore();
    await store.fetchSwaps();
    expect(store.mySwaps.map((s) => s.id)).toEqual(['1']);
    expect(store.swapsToMe.map((s) => s.id)).toEqual(['2']);
    expect(store.openOffers.map((s) => s.id)).toEqual(['3']);
    expect(store.swaps.map((s) => s.id)).toEqual(['5', '4', '3', '2', '1']);
  });

  it('When a swap offer is accepted, then the answer replaces it in place', async () => {
    server.answer('GET', '/api/swaps/mine', [swap('3', { requesterId: 'other' })]);
    server.answer('POST', '/api/swaps/3/accept', swap('3', { requesterId: 'other', partnerLawyerId: 'me', status: 'accepted' }));
    const store = useSelfServiceStore();
    await store.fetchSwaps();
    await store.acceptSwap('3');
    expect(store.openOffers).toEqual([]);
    expect(store.swapsToMe.map((s) => s.status)).toEqual(['accepted']);
  });

  it('When a notification is read, then the unread count drops and the list stays newest first', async () => {
    server.answer('GET', '/api/notifications/mine', [note('b', false, '2026-02-02T00:00:00Z'), note('a', false, '2026-02-01T00:00:00Z')]);
    server.answer('POST', '/api/notifications/a/read', note('a', true, '2026-02-01T00:00:00Z'));
    const store = useSelfServiceStore();
    await store.fetchNotifications();
    expect(store.unread).toBe(2);
    await store.markRead('a');
    expect(store.unread).toBe(1);
    expect(store.notifications.map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('When a notification arrives live twice, then it is listed once, on top', () => {
    const store = useSelfServiceStore();
    store.receive(note('x', false, '2026-02-01T00:00:00Z'));
    store.receive(note('y', false, '2026-02-02T00:00:00Z'));
    store.receive(note('x', false, '2026-02-01T00:00:00Z'));
    expect(store.notifications.map((n) => n.id)).toEqual(['x', 'y']);
  });

  it('When duties are loaded, then they are in time order whatever order the server sent', async () => {
    server.answer('GET', '/api/duties/mine?from=2026-03-01&to=2026-03-31', [{ start: '2026-03-05T01:00:00Z' }, { start: '2026-03-02T01:00:00Z' }]);
    const store = useSelfServiceStore();
    await store.fetchDuties('2026-03-01', '2026-03-31');
    expect(store.duties.map((d) => d.start)).toEqual(['2026-03-02T01:00:00Z', '2026-03-05T01:00:00Z']);
  });
});
