import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { objectiveProgress } from '../index.js';

describe('objectiveProgress', () => {
  it('averages key results clamped to [0, 1], skipping null (doc example)', () => {
    expect(
      objectiveProgress([{ progress: 1.25 }, { progress: 0.5 }, { progress: null }]),
    ).toBeCloseTo(0.75, 12);
    expect(objectiveProgress([{ progress: -0.5 }, { progress: 0.5 }])).toBeCloseTo(0.25, 12);
  });

  it('weights key results (default weight 1)', () => {
    expect(objectiveProgress([{ progress: 1, weight: 3 }, { progress: 0 }])).toBeCloseTo(0.75, 12);
    expect(objectiveProgress([{ progress: 1, weight: 0 }, { progress: 0.2 }])).toBeCloseTo(0.2);
  });

  it('is null when nothing is left', () => {
    expect(objectiveProgress([])).toBeNull();
    expect(objectiveProgress([{ progress: null }, { progress: null, weight: 2 }])).toBeNull();
    expect(objectiveProgress([{ progress: 0.4, weight: 0 }])).toBeNull();
  });

  it('rejects negative weights and non-finite progress, naming the entry', () => {
    expect(() => objectiveProgress([{ progress: 0.5 }, { progress: 0.5, weight: -1 }])).toThrow(
      /krs\[1\]\.weight/,
    );
    expect(() => objectiveProgress([{ progress: Number.NaN }])).toThrow(/krs\[0\]\.progress/);
  });

  it('does not mutate its input', () => {
    const krs = Object.freeze([
      Object.freeze({ progress: 0.3 }),
      Object.freeze({ progress: 0.5, weight: 1 }),
    ]);
    expect(objectiveProgress(krs)).toBeCloseTo(0.4);
  });

  it('always lies within [0, 1] (property)', () => {
    const keyResult = fc.record({
      progress: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
      weight: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(keyResult, { maxLength: 12 }), (krs) => {
        const progress = objectiveProgress(krs);
        if (progress !== null) {
          expect(progress).toBeGreaterThanOrEqual(0);
          expect(progress).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
