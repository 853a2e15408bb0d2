import { jestProject } from '../../jest.shared.js';

export default jestProject({
  name: 'api',
  dir: import.meta.dirname,
  extra: {
    testMatch: ['<rootDir>/{src,test}/**/*.spec.ts'],
    globalSetup: '<rootDir>/test/support/global-setup.mjs',
    globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    testTimeout: 30000,
  },
});
