export { seededRandom } from './seeded-random.js';
export {
  monteCarloWhen,
  type MonteCarloWhenOptions,
  type MonteCarloWhenResult,
} from './monte-carlo-when.js';
export {
  monteCarloHowMany,
  type MonteCarloHowManyOptions,
  type MonteCarloHowManyResult,
} from './monte-carlo-how-many.js';
