import { nearestRankIndex } from '../statistics/nearest-rank.js';
import { dailySamples, nonNegativeNumber, positiveInteger } from './monte-carlo-inputs.js';
import { seededRandom } from './seeded-random.js';

/** Input of `monteCarloHowMany`. */
export type MonteCarloHowManyOptions = {
  /** Past daily throughputs, days with zero included. */
  samples: number[];
  /** Future days to simulate. */
  days: number;
  /** Default 10 000. */
  trials?: number;
  seed: number;
};

/** Result of `monteCarloHowMany`: items finished in at least 50 / 85 / 95 % of trials. */
export type MonteCarloHowManyResult = { p50: number; p85: number; p95: number };

/**
 * "How many items by then?" by Monte Carlo simulation of throughput (Vacanti, "When Will It Be
 * Done?"; ActionableAgile's "How Many" forecast). Each trial sums `days` draws from `samples`
 * (uniform, with replacement). pXX is the number of items finished in at least XX % of trials:
 * the nearest-rank (100 − XX)th percentile of the totals, so p85 is the 15th percentile and
 * p50 ≥ p85 ≥ p95.
 *
 * Random draws come from `seededRandom(seed)` (sfc32): the same inputs and seed give the same
 * result. Throws `RangeError` naming the argument for empty or negative `samples`, a negative
 * or fractional `days`, or non-positive `trials`.
 *
 * @example
 * monteCarloHowMany({ samples: [3], days: 10, seed: 7 }) // { p50: 30, p85: 30, p95: 30 }
 */
export function monteCarloHowMany(options: MonteCarloHowManyOptions): MonteCarloHowManyResult {
  const samples = dailySamples(options.samples);
  const days = nonNegativeNumber(options.days, 'days', true);
  const trials = positiveInteger(options.trials ?? 10_000, 'trials');
  const random = seededRandom(options.seed);

  const totals = new Float64Array(trials);
  const sampleCount = samples.length;
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (let day = 0; day < days; day++) {
      total += samples[Math.floor(random() * sampleCount)] as number;
    }
    totals[trial] = total;
  }
  totals.sort();
  const finishedInAtLeast = (percent: number): number =>
    totals[nearestRankIndex(trials, (100 - percent) / 100)] as number;
  return { p50: finishedInAtLeast(50), p85: finishedInAtLeast(85), p95: finishedInAtLeast(95) };
}
