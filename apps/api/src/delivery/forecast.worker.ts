// Runs on a thread of the worker pool (common/worker-pool): the Monte Carlo forecasts draw tens
// of thousands of trials, which would otherwise hold the HTTP thread.
import {
  monteCarloHowMany,
  type MonteCarloHowManyOptions,
  type MonteCarloHowManyResult,
  monteCarloWhen,
  type MonteCarloWhenOptions,
  type MonteCarloWhenResult,
} from '@bearing/metrics';

/** `monteCarloWhen` of `@bearing/metrics`, on a worker thread. */
export function forecastWhen(options: MonteCarloWhenOptions): MonteCarloWhenResult {
  return monteCarloWhen(options);
}

/** `monteCarloHowMany` of `@bearing/metrics`, on a worker thread. */
export function forecastHowMany(options: MonteCarloHowManyOptions): MonteCarloHowManyResult {
  return monteCarloHowMany(options);
}
