// `npm test` runs every workspace's tests as Jest projects in one run.
export default {
  // A global option (per-project values are ignored): generous, because API and browser tests
  // start real servers and CI machines are small and shared. Tests never assert durations.
  testTimeout: 60000,
  projects: [
    '<rootDir>/packages/metrics',
    '<rootDir>/packages/contracts',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web/jest.e2e.config.js',
  ],
};
