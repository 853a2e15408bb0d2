// One lint configuration for every workspace: type-aware typescript-eslint rules, zero warnings
// allowed (`npm run lint` passes --max-warnings 0).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { featurePublicSurface } from './eslint-rules/feature-public-surface.js';

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
    // API, a `.query(…)` call (raw SQL on an EntityManager, DataSource, QueryRunner or pg client)
    // is an error. The named exceptions, each one module: migrations (and their runner), backup
    // and restore, and creating the embedded cluster's database. TypeORM's query builders and
    // repository methods are not matched here (see docs/architecture.md, "Repositories").
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/database/migrations/**',
      'apps/api/src/database/run-migrations.ts',
      'apps/api/src/database/backup/**',
      'apps/api/src/database/embedded-database.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message:
            "Raw SQL belongs in the owning feature's *.repository.ts; call that repository (or the owning service) instead.",
        },
      ],
    },
  },
  {
    // Feature folders reach each other only through their public surface (module, service,
    // repository, entity, types); see eslint-rules/feature-public-surface.js. The known list
    // holds today's imports of other features' internals: shrink it, never grow it.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.spec.ts'],
    plugins: { bearing: { rules: { 'feature-public-surface': featurePublicSurface } } },
    rules: {
      'bearing/feature-public-surface': [
        'error',
        {
          root: 'apps/api/src',
          infrastructure: ['common', 'database', 'config', 'access', 'demo'],
          known: [
            'accounts/bootstrap/bootstrap-accounts.ts',
            'accounts/password.ts',
            'accounts/user.mapper.ts',
            'auth/session-cookie.ts',
            'metrics/xmr/metric-xmr.ts',
            'okrs/check-ins/check-in-due.ts',
            'programs/dependencies/dependency.mapper.ts',
            'programs/raid/raid-history.ts',
            'status-reports/health-rules.ts',
            'status-reports/report-week.ts',
            'workspaces/workspace.mapper.ts',
          ],
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
