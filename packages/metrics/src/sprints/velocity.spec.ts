import { describe, expect, it } from '@jest/globals';
import { velocity } from '../index.js';

const sprints = (...completed: number[]) =>
  completed.map((value) => Object.freeze({ committed: 20, completed: value }));

describe('velocity', () => {
  it('reproduces Jira’s example: 13, 10, 17, 26, 23 over five sprints → 17.8', () => {
    const result = velocity(Object.freeze(sprints(13, 10, 17, 26, 23)), { window: 5 });
    expect(result.average).toBeCloseTo(17.8);
    expect(result.standardDeviation).toBeCloseTo(6.6858, 4);
    expect(result.sprints).toBe(5);
  });

  it('averages the last three sprints by default', () => {
    const result = velocity(sprints(13, 10, 17, 26, 23));
    expect(result.average).toBeCloseTo(22);
    expect(result.sprints).toBe(3);
  });

  it('reproduces a hand-computed window: 8, 12, 7, 10 with the default window of 3', () => {
    // last three: 12, 7, 10 → mean 29 / 3; deviations 7/3, −8/3, 1/3 → s² = (114 / 9) / 2
    const result = velocity(sprints(8, 12, 7, 10));
    expect(result.average).toBeCloseTo(29 / 3, 12);
    expect(result.standardDeviation).toBeCloseTo(Math.sqrt(114 / 18), 12);
    expect(result.sprints).toBe(3);
  });

  it('uses what there is when history is shorter than the window', () => {
    expect(velocity(sprints(12), { window: 5 })).toEqual({
      average: 12,
      standardDeviation: null,
      sprints: 1,
    });
    expect(velocity([])).toEqual({ average: null, standardDeviation: null, sprints: 0 });
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => velocity(sprints(1), { window: 0 })).toThrow(/window/);
    expect(() => velocity(sprints(1), { window: 1.5 })).toThrow(/window/);
    expect(() => velocity([{ committed: 3, completed: -1 }])).toThrow(/sprints\[0\]\.completed/);
    expect(() => velocity([{ committed: Number.NaN, completed: 1 }])).toThrow(
      /sprints\[0\]\.committed/,
    );
  });
});
