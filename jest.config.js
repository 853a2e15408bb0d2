// `npm test` runs every workspace's tests as Jest projects in one run.
import { availableParallelism } from 'node:os';

export default {
  // A global option (per-project values are ignored): generous, because API and browser tests
  // start real servers and CI machines are small and shared. Tests never assert durations.
  testTimeout: 60000,
  // Two test files at a time even on two cores: most of a file's time is spent waiting on
  // PostgreSQL, a server or the browser, so a second worker fills that wait.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    '<rootDir>/packages/metrics',
    '<rootDir>/packages/contracts',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web/jest.e2e.config.js',
  ],
};
