import { beforeEach, describe, expect, it } from '@jest/globals';
import { createPinia, setActivePinia } from 'pinia';
import type { RotaDetail, RotaSlot } from '@/api/rotas';
import { fakeFetch } from '@/testing/fakeFetch';
import { useRotasStore } from './rotas';

function slot(id: string, lawyerIds: string[], pinnedLawyerIds: string[] = []): RotaSlot {
  return {
    id,
    postId: 'p1',
    day: '2026-03-02',
    localStart: '09:00',
    localEnd: '11:30',
    start: '2026-03-02T01:00:00.000Z',
    end: '2026-03-02T03:30:00.000Z',
    lawyersNeeded: 2,
    holiday: false,
    makeUpDay: false,
    weekendOrHoliday: false,
    lawyerIds,
    pinnedLawyerIds,
  };
}

const rota: RotaDetail = {
  id: 'r1',
  name: '2026年3月',
  from: '2026-03-01',
  to: '2026-03-31',
  postIds: ['p1'],
  status: 'draft',
  revision: 7,
  publishedVersion: null,
  figures: null,
  planningJobId: null,
  updatedAt: '2026-02-20T00:00:00.000Z',
  slots: [slot('s1', ['a', 'b']), slot('s2', ['c'], ['c'])],
  explanations: null,
  lawyers: {},
  posts: {},
};

describe('the rotas store', () => {
  let server: ReturnType<typeof fakeFetch>;
  let store: ReturnType<typeof useRotasStore>;
  beforeEach(async () => {
    setActivePinia(createPinia());
    server = fakeFetch();
    server.answer('GET', '/api/rotas/r1', rota);
    store = useRotasStore();
    await store.load('r1');
  });
  const s = (id: string) => store.slotById.get(id)!;

  it('When a slot is edited, then its lawyers show the edit until it is saved', () => {
    store.setSlot('s1', ['a', 'd']);
    expect(store.lawyersOf(s('s1'))).toEqual(['a', 'd']);
    expect(store.editCount).toBe(1);
  });

  it('When an edit is put back as it was, then no edit is left for that slot', () => {
    store.setSlot('s1', ['a', 'd']);
    store.setSlot('s1', ['a', 'b']);
    expect(store.edits).toEqual({});
  });

  it('When a pinned slot is unpinned, then the edit keeps the lawyers and the new pin', () => {
    store.setSlot('s2', ['c'], false);
    expect(store.isPinned(s('s2'))).toBe(false);
    expect(store.edits.s2).toEqual({ slotId: 's2', lawyerIds: ['c'], pinned: false });
  });

  it('When a lawyer is dragged to another slot, then both slots change and one lawyer is not seated twice', () => {
    store.moveLawyer('a', 's1', 's2');
    expect(store.lawyersOf(s('s1'))).toEqual(['b']);
    expect(store.lawyersOf(s('s2'))).toEqual(['c', 'a']);
    store.moveLawyer('b', 's1', 's1');
    expect(store.lawyersOf(s('s1'))).toEqual(['b']);
  });

  it('When a lawyer is dragged onto a slot they already hold, then nothing changes', () => {
    store.setSlot('s2', ['c', 'a']);
    store.moveLawyer('a', 's1', 's2');
    expect(store.lawyersOf(s('s1'))).toEqual(['a', 'b']);
  });

  it('When nothing is edited, then checking asks the server nothing', async () => {
    await expect(store.check()).resolves.toEqual({ ok: true, violations: [] });
    expect(server.sent).toHaveLength(1);
  });

  it('When a proposed edit is checked, then it is sent with the unsaved ones and the rota revision', async () => {
    server.answer('POST', '/api/rotas/r1/check', { ok: true, violations: [] });
    store.setSlot('s1', ['a']);
    await store.check([{ slotId: 's2', lawyerIds: ['d'] }]);
    expect(server.sent[1]!.body).toEqual({
      revision: 7,
      edits: [
        { slotId: 's1', lawyerIds: ['a'] },
        { slotId: 's2', lawyerIds: ['d'] },
      ],
    });
  });

  it('When the edits are saved, then the answer replaces the rota and the edits are cleared', async () => {
    const saved: RotaDetail = { ...rota, revision: 8, slots: [slot('s1', ['a']), rota.slots[1]!] };
    server.answer('PATCH', '/api/rotas/r1/assignments', saved);
    store.setSlot('s1', ['a']);
    await store.save('李律师请假');
    expect(server.sent[1]!.body).toEqual({ revision: 7, edits: [{ slotId: 's1', lawyerIds: ['a'] }], reason: '李律师请假' });
    expect(store.current?.revision).toBe(8);
    expect(store.editCount).toBe(0);
    expect(store.byId.r1?.revision).toBe(8);
  });

  it('When saving is refused, then the edits are kept for another try', async () => {
    server.fail('PATCH', '/api/rotas/r1/assignments', 409, 'stale_revision');
    store.setSlot('s1', ['a']);
    await expect(store.save()).rejects.toMatchObject({ code: 'stale_revision' });
    expect(store.editCount).toBe(1);
  });
});
