import { dailySamples, nonNegativeNumber, positiveInteger } from './monte-carlo-inputs.js';
import { seededRandom } from './seeded-random.js';

/** Days the histogram of results covers before it has to grow. */
const INITIAL_HISTOGRAM_DAYS = 4096;

/** Input of `monteCarloWhen`. */
export type MonteCarloWhenOptions = {
  /** Past daily throughputs, days with zero included. */
  samples: number[];
  /** Items left to finish. */
  remaining: number;
  /** Default 10 000. */
  trials?: number;
  seed: number;
  /** A trial that has not finished after this many days stops and counts as unfinished. Default 3650. */
  maxDays?: number;
};

/** Result of `monteCarloWhen`. */
export type MonteCarloWhenResult = {
  trials: number;
  /** Days within which 50 % of trials finished; `null` if more than half never finished. */
  p50: number | null;
  p85: number | null;
  p95: number | null;
  /** Share of all trials that finished after exactly `days` days, ascending by `days`. */
  distribution: { days: number; probability: number }[];
  /** Trials that reached `maxDays` without finishing. */
  unfinished: number;
};

/**
 * "When will it be done?" by Monte Carlo simulation of throughput (Vacanti, "When Will It Be
 * Done?", 2015; Troy Magennis, Focused Objective throughput forecasting). Each trial draws one
 * of the `samples` per future day, uniformly with replacement, until the running total reaches
 * `remaining`; the trial's result is the number of days drawn. pXX is the nearest-rank XXth
 * percentile of the results, x₍⌈XX·trials/100⌉₎: the number of days within which XX % of trials
 * finished. Trials stopped at `maxDays` rank above every finished trial, so a percentile that
 * lands among them is `null` (not knowable within `maxDays`).
 *
 * Random draws come from `seededRandom(seed)` (sfc32): the same inputs and seed give the same
 * result. Throws `RangeError` naming the argument for empty, negative or all-zero `samples`
 * (no trial could ever finish), a negative `remaining`, or non-positive `trials` / `maxDays`.
 *
 * @example
 * monteCarloWhen({ samples: [2], remaining: 10, seed: 1 })
 * // { trials: 10000, p50: 5, p85: 5, p95: 5, distribution: [{ days: 5, probability: 1 }], unfinished: 0 }
 */
export function monteCarloWhen(options: MonteCarloWhenOptions): MonteCarloWhenResult {
  const samples = dailySamples(options.samples);
  if (samples.every((sample) => sample === 0)) {
    throw new RangeError('samples are all zero: no trial could ever finish');
  }
  const remaining = nonNegativeNumber(options.remaining, 'remaining');
  const trials = positiveInteger(options.trials ?? 10_000, 'trials');
  const maxDays = positiveInteger(options.maxDays ?? 3650, 'maxDays');
  const random = seededRandom(options.seed);

  // Histogram of finished trials by days, grown on demand: sized to maxDays up front, a large
  // maxDays would allocate (or fail to allocate) memory that no trial ever uses.
  let finishedAfter: Int32Array = new Int32Array(Math.min(maxDays, INITIAL_HISTOGRAM_DAYS) + 1);
  const sampleCount = samples.length;
  let unfinished = 0;
  for (let trial = 0; trial < trials; trial++) {
    let done = 0;
    let days = 0;
    while (done < remaining && days < maxDays) {
      done += samples[Math.floor(random() * sampleCount)] as number;
      days++;
    }
    if (done < remaining) {
      unfinished++;
      continue;
    }
    if (days >= finishedAfter.length) finishedAfter = grown(finishedAfter, days, maxDays);
    finishedAfter[days] = (finishedAfter[days] as number) + 1;
  }

  const distribution: MonteCarloWhenResult['distribution'] = [];
  finishedAfter.forEach((count, days) => {
    if (count > 0) distribution.push({ days, probability: count / trials });
  });
  const percentile = (percent: number): number | null =>
    daysAtRank(finishedAfter, Math.max(1, Math.ceil((percent * trials) / 100)));
  return {
    trials,
    p50: percentile(50),
    p85: percentile(85),
    p95: percentile(95),
    distribution,
    unfinished,
  };
}

/** A copy of `histogram` long enough to count a trial that took `days` days. */
function grown(histogram: Int32Array, days: number, maxDays: number): Int32Array {
  const larger = new Int32Array(Math.min(maxDays, Math.max(days, histogram.length * 2)) + 1);
  larger.set(histogram);
  return larger;
}

/** The `rank`-th smallest finished result (1-based) from a histogram; `null` past the finished. */
function daysAtRank(finishedAfter: Int32Array, rank: number): number | null {
  let seen = 0;
  for (let days = 0; days < finishedAfter.length; days++) {
    seen += finishedAfter[days] as number;
    if (seen >= rank) return days;
  }
  return null;
}
