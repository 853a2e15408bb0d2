import { jestProject } from '../../jest.shared.js';

// End-to-end tests: the built web app, served by the real API on a real Postgres, driven in
// headless Chromium. Run after `npm run build` (the `pretest` script builds what is stale).
export default jestProject({
  name: 'e2e',
  dir: import.meta.dirname,
  extra: {
    testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
    globalSetup: '<rootDir>/../api/test/support/global-setup.mjs',
    globalTeardown: '<rootDir>/../api/test/support/global-teardown.mjs',
    testTimeout: 60000,
    setupFilesAfterEnv: ['<rootDir>/e2e/jest-setup.ts'],
  },
});
