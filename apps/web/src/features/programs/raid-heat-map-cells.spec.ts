import { describe, expect, it } from '@jest/globals';
import { heatMapRows, scoreBand } from './raid-heat-map-cells';

describe('heatMapRows', () => {
  const items = Object.freeze([
    { probability: 4, impact: 5 },
    { probability: 4, impact: 5 },
    { probability: 1, impact: 1 },
    { probability: 2, impact: 3 },
  ]);

  it('is five rows of five, highest impact on top, probability rising left to right', () => {
    const rows = heatMapRows(items);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row[0]?.impact)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]?.map((cell) => cell.probability)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts the items in the cell of their probability and impact', () => {
    const rows = heatMapRows(items);
    const cell = (probability: number, impact: number) =>
      rows.flat().find((c) => c.probability === probability && c.impact === impact);
    expect(cell(4, 5)?.count).toBe(2);
    expect(cell(1, 1)?.count).toBe(1);
    expect(cell(2, 3)?.count).toBe(1);
    expect(cell(5, 5)?.count).toBe(0);
    expect(rows.flat().reduce((sum, c) => sum + c.count, 0)).toBe(items.length);
  });

  it('scores each cell probability × impact', () => {
    const cells = heatMapRows([]).flat();
    expect(cells.find((c) => c.probability === 3 && c.impact === 4)?.score).toBe(12);
    expect(cells.every((c) => c.count === 0)).toBe(true);
  });
});

describe('scoreBand', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [12, 'medium'],
    [15, 'high'],
    [25, 'high'],
  ])('score %i is %s', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });
});
