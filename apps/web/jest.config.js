import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jestProject } from '../../jest.shared.js';

const dir = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
const shared = jestProject({ name: 'web', dir, environment: 'jsdom' });

export default jestProject({
  name: 'web',
  dir,
  environment: 'jsdom',
  extra: {
    testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
    // jsdom lacks matchMedia and ResizeObserver, which Mantine uses.
    setupFilesAfterEnv: ['<rootDir>/src/test-utils/jsdom-setup.ts'],
    moduleNameMapper: {
      // Components import stylesheets; Jest cannot run CSS and the tests do not look at it.
      '\\.css$': '<rootDir>/src/test-utils/style-stub.js',
      ...shared.moduleNameMapper,
    },
    // What vite.config.ts injects with `define` at build time.
    globals: { __BEARING_VERSION__: version },
  },
});
