import { createBatcher } from '../../../api/src/realtime/batcher';

describe('createBatcher', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('sends a lone item on the next tick', () => {
    const sent: number[][] = [];
    const b = createBatcher<number>((items) => sent.push(items), 50);
    b.push(1);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(0);
    expect(sent).toEqual([[1]]);
  });

  it('joins items pushed in the same tick', () => {
    const sent: number[][] = [];
    const b = createBatcher<number>((items) => sent.push(items), 50);
    b.push(1);
    b.push(2);
    jest.advanceTimersByTime(0);
    expect(sent).toEqual([[1, 2]]);
  });

  it('sends at most once per interval while items keep coming, losing none', () => {
    const sent: number[][] = [];
    const b = createBatcher<number>((items) => sent.push(items), 50);
    for (let i = 0; i < 20; i++) {
      b.push(i);
      jest.advanceTimersByTime(10);
    }
    jest.advanceTimersByTime(100);
    expect(sent.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent[0]).toEqual([0]);
  });

  it('flush() sends what is pending at once', () => {
    const sent: number[][] = [];
    const b = createBatcher<number>((items) => sent.push(items), 50);
    b.push(7);
    b.flush();
    expect(sent).toEqual([[7]]);
    jest.advanceTimersByTime(100);
    expect(sent).toEqual([[7]]);
  });
});
