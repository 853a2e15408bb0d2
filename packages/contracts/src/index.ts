export * from './problem.js';
export * from './health.js';
