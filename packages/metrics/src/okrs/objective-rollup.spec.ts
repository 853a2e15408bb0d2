import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type ObjectiveRollupNode, objectiveProgress, objectiveRollup } from '../index.js';

const measured = (progress: number): ObjectiveRollupNode => ({ keyResults: [{ progress }] });
const notMeasured: ObjectiveRollupNode = { keyResults: [{ progress: null }] };

describe('objectiveRollup', () => {
  it('rolls up aligned objectives, skipping one not measured (doc example)', () => {
    const rollup = objectiveRollup({
      keyResults: [],
      children: [measured(0.6), measured(0.3), notMeasured],
    });
    expect(rollup.progress).toBeCloseTo(0.45, 12);
    expect(rollup).toMatchObject({ keyResults: 0, objectives: 2 });
  });

  it('weighs its own key results and each aligned objective alike (weight 1 by default)', () => {
    const rollup = objectiveRollup({
      keyResults: [{ progress: 1 }, { progress: 1.5 }],
      children: [measured(0.1)],
    });
    // own key results clamp to 1 and 1; (1 + 1 + 0.1) / 3
    expect(rollup.progress).toBeCloseTo(0.7, 12);
    expect(rollup).toMatchObject({ keyResults: 2, objectives: 1 });
  });

  it('uses key result weights and an aligned objective weight when given', () => {
    const rollup = objectiveRollup({
      keyResults: [{ progress: 0, weight: 2 }],
      children: [
        { ...measured(1), weight: 3 },
        { ...measured(0), weight: 0 },
      ],
    });
    expect(rollup.progress).toBeCloseTo(0.6, 12);
    expect(rollup).toMatchObject({ keyResults: 1, objectives: 1 });
  });

  it('recurses through grandchildren, each child counting with its own roll-up', () => {
    const rollup = objectiveRollup({
      keyResults: [{ progress: 0.2 }],
      children: [{ keyResults: [], children: [measured(1), measured(0.6)] }],
    });
    // child = (1 + 0.6) / 2 = 0.8; parent = (0.2 + 0.8) / 2
    expect(rollup.progress).toBeCloseTo(0.5, 12);
    expect(rollup.objectives).toBe(1);
  });

  it('is not measured without key results or aligned objectives, or with none measured', () => {
    const none = { progress: null, keyResults: 0, objectives: 0 };
    expect(objectiveRollup({ keyResults: [] })).toEqual(none);
    expect(objectiveRollup({ keyResults: [], children: [] })).toEqual(none);
    expect(
      objectiveRollup({
        keyResults: [{ progress: null }],
        children: [notMeasured, { keyResults: [] }],
      }),
    ).toEqual(none);
  });

  it('equals objectiveProgress for an objective with no aligned objectives', () => {
    const keyResults = [{ progress: 1.25 }, { progress: 0.5, weight: 2 }, { progress: null }];
    expect(objectiveRollup({ keyResults }).progress).toBe(objectiveProgress(keyResults));
  });

  it('stops below maxDepth instead of recursing forever through a cycle', () => {
    const cyclic: { keyResults: []; children: ObjectiveRollupNode[] } = {
      keyResults: [],
      children: [],
    };
    cyclic.children.push(cyclic);
    expect(() => objectiveRollup(cyclic)).toThrow(/maxDepth \(32\)/);
    const chain = (depth: number): ObjectiveRollupNode =>
      depth === 0 ? measured(0.5) : { keyResults: [], children: [chain(depth - 1)] };
    expect(objectiveRollup(chain(3), { maxDepth: 3 }).progress).toBe(0.5);
    expect(() => objectiveRollup(chain(4), { maxDepth: 3 })).toThrow(/objective\.children\[0\]/);
    expect(() => objectiveRollup(chain(0), { maxDepth: -1 })).toThrow(/maxDepth/);
  });

  it('rejects negative weights and non-finite progress, naming where they are', () => {
    expect(() =>
      objectiveRollup({ keyResults: [], children: [{ keyResults: [{ progress: Number.NaN }] }] }),
    ).toThrow(/objective\.children\[0\]\.keyResults\[0\]\.progress/);
    expect(() => objectiveRollup({ keyResults: [{ progress: 0.1, weight: -1 }] })).toThrow(
      /objective\.keyResults\[0\]\.weight/,
    );
    expect(() =>
      objectiveRollup({ keyResults: [], children: [{ ...notMeasured, weight: -2 }] }),
    ).toThrow(/objective\.children\[0\]\.weight/);
  });

  it('does not mutate its input', () => {
    const tree = Object.freeze({
      keyResults: Object.freeze([Object.freeze({ progress: 0.3 })]),
      children: Object.freeze([Object.freeze(measured(0.5))]),
    });
    expect(objectiveRollup(tree).progress).toBeCloseTo(0.4, 12);
  });

  const keyResult = fc.record({
    progress: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: null }),
    weight: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
  });
  /** Trees up to three levels of aligned objectives below the root. */
  const treeOfDepth = (depth: number): fc.Arbitrary<ObjectiveRollupNode> =>
    fc.record({
      keyResults: fc.array(keyResult, { maxLength: 4 }),
      children: depth === 0 ? fc.constant([]) : fc.array(treeOfDepth(depth - 1), { maxLength: 3 }),
    });
  const tree = treeOfDepth(3);

  it('stays within the smallest and largest of its measured inputs (property)', () => {
    fc.assert(
      fc.property(tree, (node) => {
        const inputs = [
          ...node.keyResults
            .filter(({ progress, weight = 1 }) => progress !== null && weight > 0)
            .map(({ progress }) => Math.min(1, Math.max(0, progress as number))),
          ...(node.children ?? [])
            .map((child) => objectiveRollup(child).progress)
            .filter((progress): progress is number => progress !== null),
        ];
        const { progress } = objectiveRollup(node);
        if (inputs.length === 0) {
          expect(progress).toBeNull();
          return;
        }
        expect(progress).not.toBeNull();
        expect(progress).toBeGreaterThanOrEqual(Math.min(...inputs) - 1e-12);
        expect(progress).toBeLessThanOrEqual(Math.max(...inputs) + 1e-12);
      }),
    );
  });

  it('does not change when an aligned objective that is not measured is added (property)', () => {
    const unmeasured = fc.record({
      keyResults: fc.array(fc.record({ progress: fc.constant(null) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(tree, unmeasured, fc.nat(), (node, extra, at) => {
        const children = [...(node.children ?? [])];
        children.splice(at % (children.length + 1), 0, extra);
        const before = objectiveRollup(node);
        const after = objectiveRollup({ ...node, children });
        expect(after.objectives).toBe(before.objectives);
        expect(after.keyResults).toBe(before.keyResults);
        if (before.progress === null) expect(after.progress).toBeNull();
        else expect(after.progress).toBeCloseTo(before.progress, 12);
      }),
    );
  });
});
