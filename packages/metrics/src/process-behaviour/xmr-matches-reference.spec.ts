import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { referenceXmr, referenceXmrWithRecalculation } from '../../test/xmr-reference.js';
import { xmr } from './xmr.js';
import { xmrWithRecalculation } from './xmr-with-recalculation.js';

const settings = { numRuns: 400 };

/** Whole numbers from a narrow range: many ties with each other and with the mean. */
const tiedValues = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 });
/** Any finite doubles of a realistic magnitude. */
const realValues = fc.array(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  { maxLength: 300 },
);
const constantValues = fc
  .tuple(fc.integer({ min: -5, max: 5 }), fc.nat({ max: 300 }))
  .map(([value, length]) => Array.from({ length }, () => value));
/** Levels that change now and then, with noise around each: the shifts recalculation is for. */
const shiftingValues = fc
  .array(
    fc.record({
      level: fc.integer({ min: 0, max: 40 }),
      noise: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 60 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.flatMap(({ level, noise }) => noise.map((n) => level + n)).slice(0, 300));
/** Mostly small values with rare large ones, like cycle times. */
const skewedValues = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 10 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 200 }) },
  ),
  { maxLength: 300 },
);
const series = fc
  .oneof(tiedValues, realValues, constantValues, shiftingValues, skewedValues)
  .map((values) => Object.freeze(values));

const xmrOptions = fc.record(
  {
    baselineCount: fc.integer({ min: 2, max: 40 }),
    lowerBound: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 30 })),
  },
  { requiredKeys: [] },
);
const recalculationOptions = fc.record(
  {
    baselineCount: fc.integer({ min: 2, max: 40 }),
    recentCount: fc.integer({ min: 1, max: 12 }),
    lowerBound: fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 30 })),
  },
  { requiredKeys: [] },
);

/** The result, or the error message when it throws. */
function outcome<T>(compute: () => T): T | { error: string } {
  try {
    return compute();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('xmr and xmrWithRecalculation match the reference implementation exactly', () => {
  it('xmr gives the same chart, signals in the same order, for any series and options', () => {
    fc.assert(
      fc.property(series, xmrOptions, (values, options) => {
        expect(xmr(values, options)).toStrictEqual(referenceXmr(values, options));
      }),
      settings,
    );
  });

  it('xmrWithRecalculation gives the same segments, signals and status for any series and options', () => {
    fc.assert(
      fc.property(series, recalculationOptions, (values, options) => {
        expect(xmrWithRecalculation(values, options)).toStrictEqual(
          referenceXmrWithRecalculation(values, options),
        );
      }),
      settings,
    );
  });

  it('rejects the same bad values and options with the same message', () => {
    const bad = fc.constantFrom(NaN, Infinity, -Infinity);
    fc.assert(
      fc.property(series, bad, fc.nat(), (values, value, position) => {
        const poisoned = [...values];
        poisoned.splice(position % (values.length + 1), 0, value);
        expect(outcome(() => xmr(poisoned))).toEqual(outcome(() => referenceXmr(poisoned)));
        expect(outcome(() => xmrWithRecalculation(poisoned))).toEqual(
          outcome(() => referenceXmrWithRecalculation(poisoned)),
        );
      }),
      settings,
    );
    for (const options of [{ baselineCount: 1 }, { baselineCount: 2.5 }, { lowerBound: NaN }]) {
      expect(outcome(() => xmr([1, 2, 3], options))).toEqual(
        outcome(() => referenceXmr([1, 2, 3], options)),
      );
    }
    expect(outcome(() => xmrWithRecalculation([1, 2, 3], { recentCount: 0 }))).toEqual(
      outcome(() => referenceXmrWithRecalculation([1, 2, 3], { recentCount: 0 })),
    );
  });
});
