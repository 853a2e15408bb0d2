// One lint configuration for every workspace: type-aware typescript-eslint rules, zero warnings
// allowed (`npm run lint` passes --max-warnings 0).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { featurePublicSurface } from './eslint-rules/feature-public-surface.js';
import { foreignTableAccess } from './eslint-rules/foreign-table-access.js';

// Where SQL may be written outside a `*.repository.ts`: migrations (and their runner), backup and
// restore, and creating the embedded cluster's database — each one module.
const SQL_EXCEPTIONS = [
  'apps/api/src/**/*.repository.ts',
  'apps/api/src/database/migrations/**',
  'apps/api/src/database/run-migrations.ts',
  'apps/api/src/database/backup/**',
  'apps/api/src/database/embedded-database.ts',
];

/** The repository's own lint rules (eslint-rules/). */
const bearing = {
  rules: {
    'feature-public-surface': featurePublicSurface,
    'foreign-table-access': foreignTableAccess,
  },
};

const RAW_SQL = {
  selector: "CallExpression[callee.property.name='query']",
  message:
    "Raw SQL belongs in the owning feature's *.repository.ts; call that repository (or the owning service) instead.",
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/test-results/**',
      '.bearing/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-exports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // SQL has one home per table: the owning feature's `*.repository.ts`. Anywhere else in the
    // API, a `.query(…)` call (raw SQL on an EntityManager, DataSource, QueryRunner or pg client),
    // a TypeORM query builder (`createQueryBuilder`) or repository (`getRepository`) is an error,
    // and so is handing another feature's entity to an EntityManager method (`manager.find(Team)`,
    // `manager.save(Sprint, …)`): call that feature's repository or service. The named exceptions
    // are SQL_EXCEPTIONS.
    files: ['apps/api/src/**/*.ts'],
    ignores: SQL_EXCEPTIONS,
    plugins: { bearing },
    rules: {
      'no-restricted-syntax': [
        'error',
        RAW_SQL,
        {
          selector: "CallExpression[callee.property.name='createQueryBuilder']",
          message:
            "TypeORM query builders belong in the owning feature's *.repository.ts; call that repository (or the owning service) instead.",
        },
        {
          selector: "CallExpression[callee.property.name='getRepository']",
          message:
            "Table calls belong in the owning feature's *.repository.ts; call that repository (or the owning service) instead.",
        },
      ],
      'bearing/foreign-table-access': ['error', { root: 'apps/api/src' }],
    },
  },
  {
    // date-fns's index re-exports some 250 modules: loading it raises the server's start-up peak
    // by about 110 MB, and V8 keeps pages of that peak (the started server's RSS is ~60 MB higher).
    files: ['apps/api/src/**/*.ts', 'packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'date-fns',
              message: "Import each function from its own module ('date-fns/parse').",
            },
          ],
        },
      ],
    },
  },
  {
    // Feature folders reach each other only through their public surface (module, service,
    // repository, entity, types); see eslint-rules/feature-public-surface.js. The known list of
    // imports of other features' internals still allowed is empty: keep it so.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts'],
    plugins: { bearing },
    rules: {
      'bearing/feature-public-surface': [
        'error',
        {
          root: 'apps/api/src',
          infrastructure: ['common', 'database', 'config', 'access', 'demo'],
          known: [],
        },
      ],
    },
  },
  {
    // Tests may use loosely typed response bodies from supertest.
    files: ['**/*.spec.{ts,tsx}', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
