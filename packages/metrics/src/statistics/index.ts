export { quantile, quantiles, type QuantileMethod } from './quantile.js';
export { mean } from './mean.js';
export { standardDeviation } from './standard-deviation.js';
