/**
 * @bearing/metrics — every number Bearing shows is computed here. Pure functions: no I/O, no
 * clock (`asOf` is always passed in), no unseeded randomness; inputs are never mutated.
 * Definitions and sources: ../README.md.
 */
export * from './days/index.js';
export * from './statistics/index.js';
export * from './flow/index.js';
export * from './sprints/index.js';
export * from './capacity/index.js';
export * from './forecasting/index.js';
export * from './okrs/index.js';
export * from './guardrails/index.js';
export * from './process-behaviour/index.js';
export * from './risks/index.js';
export * from './program-health/index.js';
