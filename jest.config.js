// `npm test` runs every workspace's tests as Jest projects in one run.
export default {
  projects: [
    '<rootDir>/packages/metrics',
    '<rootDir>/packages/contracts',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web/jest.e2e.config.js',
  ],
};
