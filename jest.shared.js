// Jest settings every workspace shares: native ESM (Nest 12 is ESM-only) with @swc/jest
// compiling TypeScript with legacy decorators and decorator metadata, which Nest's dependency
// injection and TypeORM read at run time.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @param {{ name: string, dir: string, environment?: string, extra?: object }} options */
export function jestProject({ name, dir, environment = 'node', extra = {} }) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: environment,
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              react: { runtime: 'automatic' },
            },
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: {
      // Tests run the workspace packages from source, so they never see a stale build.
      '^@bearing/(metrics|contracts)$': path.join(root, 'packages/$1/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...extra,
  };
}
