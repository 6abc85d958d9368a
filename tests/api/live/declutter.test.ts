import { clusterPoints, labelsThatFit } from '../../../client/src/components/live/declutter';

describe('the live map without clutter', () => {
  it('when thirty central posts fall within a few pixels, then they are drawn as one group, and posts apart stay single', () => {
    const central = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, x: 500 + (i % 6) * 3, y: 300 + Math.floor(i / 6) * 3 }));
    const suburbs = [
      { id: 's1', x: 100, y: 100 },
      { id: 's2', x: 900, y: 650 },
    ];
    const groups = clusterPoints([...central, ...suburbs], 30);
    expect(groups.map((g) => g.length).sort((a, b) => b - a)).toEqual([30, 1, 1]);
    expect(groups.find((g) => g.length === 30)!.map((p) => p.id)).toEqual(central.map((p) => p.id));
  });

  it('when labels would cover each other, then only the first of them is shown permanently', () => {
    const shown = labelsThatFit(
      [
        { id: 'a', x: 100, y: 100, width: 120 },
        { id: 'b', x: 140, y: 105, width: 120 },
        { id: 'c', x: 400, y: 100, width: 120 },
      ],
      22,
    );
    expect([...shown].sort()).toEqual(['a', 'c']);
  });
});
