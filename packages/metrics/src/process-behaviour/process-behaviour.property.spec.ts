import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { xmr, type XmrRule, xmrWithRecalculation } from '../index.js';

const RULES: XmrRule[] = ['beyond-limits', 'three-of-four', 'run-of-eight', 'range-beyond-limit'];
const settings = { numRuns: 200 };

/** Series with level changes: runs of values around a few levels, so shifts really happen. */
const shiftingSeries = fc
  .array(
    fc.record({
      level: fc.integer({ min: 0, max: 40 }),
      noise: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => Object.freeze(parts.flatMap(({ level, noise }) => noise.map((n) => level + n))));
const options = fc.record({
  baselineCount: fc.integer({ min: 2, max: 30 }),
  recentCount: fc.integer({ min: 1, max: 10 }),
});

describe('xmrWithRecalculation properties', () => {
  it('segments cover every value in order; a later one holds its shift run and starts with it', () => {
    fc.assert(
      fc.property(shiftingSeries, options, (values, opts) => {
        const chart = xmrWithRecalculation(values, opts);
        if (values.length < 2) return expect(chart).toBeNull();
        const { segments } = chart!;
        expect(segments[0]).toMatchObject({ start: 0, shift: null });
        expect(segments.at(-1)?.end).toBe(values.length - 1);
        segments.forEach((segment, position) => {
          expect(segment.end - segment.start + 1).toBeGreaterThanOrEqual(2);
          if (position === 0) return;
          expect(segment.start).toBe(segments[position - 1]!.end + 1);
          expect(segment.end - segment.start + 1).toBeGreaterThanOrEqual(8);
          expect(segment.shift?.detectedAt).toBe(segment.start + 7);
          // The run lay on one side of the previous segment's central line (from its baseline).
          const previous = segments[position - 1]!;
          const before = values.slice(previous.start, segment.start + 8);
          const centre =
            values
              .slice(previous.start, previous.start + opts.baselineCount)
              .reduce((a, b) => a + b, 0) /
            Math.min(opts.baselineCount, values.length - previous.start);
          const run = before.slice(segment.start - previous.start);
          expect(
            run.every((value) =>
              segment.shift?.direction === 'up' ? value > centre : value < centre,
            ),
          ).toBe(true);
        });
      }),
      settings,
    );
  });

  it('takes each segment’s limits from its own first values only, never from before its start', () => {
    fc.assert(
      fc.property(shiftingSeries, options, (values, opts) => {
        const chart = xmrWithRecalculation(values, opts);
        if (!chart) return;
        for (const segment of chart.segments) {
          expect(segment.baselineCount).toBe(
            Math.min(opts.baselineCount, segment.end - segment.start + 1),
          );
          expect(segment.provisional).toBe(segment.baselineCount < opts.baselineCount);
          const alone = xmr(values.slice(segment.start, segment.start + segment.baselineCount))!;
          expect(segment.mean).toBe(alone.mean);
          expect(segment.averageMovingRange).toBe(alone.averageMovingRange);
          expect(segment.upperLimit).toBe(alone.upperLimit);
          expect(segment.lowerLimit).toBe(alone.lowerLimit);
          // Whatever came before the segment, its limits stay the same.
          const rewritten = values.map((value, index) =>
            index < segment.start ? value + 1000 : value,
          );
          const again = xmr(rewritten.slice(segment.start, segment.start + segment.baselineCount))!;
          expect(again.upperLimit).toBe(segment.upperLimit);
        }
      }),
      settings,
    );
  });

  it('is one segment equal to xmr on the baseline when no run of eight can form', () => {
    // Values alternate around a level, so no two neighbours sit on the same side of it.
    const alternating = fc
      .array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 80 })
      .map((offsets) => offsets.map((offset, index) => 50 + (index % 2 === 0 ? offset : -offset)))
      .filter((values) => {
        // The baseline's mean must keep them alternating too: every value off it, sides flipping.
        const baseline = values.slice(0, 20);
        const centre = baseline.reduce((a, b) => a + b, 0) / baseline.length;
        return values.every(
          (value, index) =>
            index === 0 || Math.sign(value - centre) !== Math.sign(values[index - 1]! - centre),
        );
      });
    fc.assert(
      fc.property(alternating, (values) => {
        const chart = xmrWithRecalculation(values)!;
        const plain = xmr(values, { baselineCount: Math.min(20, values.length) })!;
        expect(chart.segments).toHaveLength(1);
        expect(chart.segments[0]).toMatchObject({
          mean: plain.mean,
          upperLimit: plain.upperLimit,
          lowerLimit: plain.lowerLimit,
          upperRangeLimit: plain.upperRangeLimit,
        });
        expect(chart.signals).toEqual(plain.signals);
        expect(chart.movingRanges).toEqual(plain.movingRanges);
      }),
      settings,
    );
  });

  it('orders signals, one per value and rule, and derives the status from the last values', () => {
    fc.assert(
      fc.property(shiftingSeries, options, (values, opts) => {
        const chart = xmrWithRecalculation(values, opts);
        if (!chart) return;
        const { signals } = chart;
        for (let i = 1; i < signals.length; i++) {
          const [a, b] = [signals[i - 1]!, signals[i]!];
          expect(
            a.index < b.index ||
              (a.index === b.index && RULES.indexOf(a.rule) < RULES.indexOf(b.rule)),
          ).toBe(true);
        }
        expect(signals.every(({ index }) => index >= 0 && index < values.length)).toBe(true);
        const recent = signals.filter(({ index }) => index >= values.length - opts.recentCount);
        expect(chart.status).toBe(recent.length > 0 ? 'signal' : 'routine');
        const newest = recent.at(-1)?.index;
        expect(chart.recentSignal).toEqual(
          newest === undefined
            ? null
            : {
                index: newest,
                rules: recent.filter(({ index }) => index === newest).map(({ rule }) => rule),
              },
        );
        // Every shift is reported where it became evident.
        for (const segment of chart.segments.slice(1)) {
          expect(signals).toContainEqual({
            index: segment.shift!.detectedAt,
            rule: 'run-of-eight',
          });
        }
      }),
      settings,
    );
  });
});
