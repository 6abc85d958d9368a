import { createNameCache } from '../../../api/src/modules/rotas/nameCache';

type Named = { id: string; name: string };

describe('the duty-label name cache', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('when first asked, then it loads everything once; unknown ids later are read by id', async () => {
    const names = new Map([['a', 'A'], ['b', 'B']]);
    const loadAll = jest.fn(async () => [...names].map(([id, name]) => ({ id, name })));
    const load = jest.fn(async (ids: string[]) => ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })));
    const lookup = createNameCache<Named>(load, loadAll);
    expect([...(await lookup(['a', 'b'])).values()].map((n) => n.name)).toEqual(['A', 'B']);
    names.set('c', 'C');
    expect((await lookup(['a', 'c'])).get('c')?.name).toBe('C');
    expect(loadAll).toHaveBeenCalledTimes(1);
    expect(load.mock.calls).toEqual([[['c']]]);
  });

  it('when an entry is old, then it is answered at once and refreshed in the background one id at a time', async () => {
    const names = new Map([['a', 'A'], ['b', 'B']]);
    const reads: string[][] = [];
    const load = async (ids: string[]) => {
      reads.push(ids);
      return ids.map((id) => ({ id, name: names.get(id)! }));
    };
    const lookup = createNameCache<Named>(load, async () => [...names].map(([id, name]) => ({ id, name })), 60_000);
    await lookup(['a', 'b']);
    names.set('a', 'A2');
    now += 61_000;
    expect((await lookup(['a', 'b'])).get('a')?.name).toBe('A'); // stale, not waited for
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toEqual([['a'], ['b']]);
    expect((await lookup(['a'])).get('a')?.name).toBe('A2');
  });
});
