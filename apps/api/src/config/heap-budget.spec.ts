import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { HEAP_BUDGET_FLAGS, MALLOC_ENV } from './heap-budget.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const flags = HEAP_BUDGET_FLAGS.join(' ');

describe('the heap budget', () => {
  it('is what this Node makes of the flags: a 1 GB heap with 32 MB semi-spaces', () => {
    const answer = execFileSync(
      process.execPath,
      [
        ...HEAP_BUDGET_FLAGS,
        '-e',
        `const v8 = require('node:v8');
         for (let index = 0, kept = []; index < 2e6; index++) kept.push({ index });
         const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
         console.log(JSON.stringify({ limit: v8.getHeapStatistics().heap_size_limit, young: young.space_size }));`,
      ],
      { encoding: 'utf8' },
    );
    const { limit, young } = JSON.parse(answer) as { limit: number; young: number };
    expect(limit).toBe(1024 * 1024 * 1024);
    // Two semi-spaces of at most 32 MB each, however much memory the host has.
    expect(young).toBeLessThanOrEqual(64 * 1024 * 1024);
  });

  it('sets the malloc settings in the environment of every production start-up', () => {
    const settings = Object.entries(MALLOC_ENV);
    expect(settings.length).toBeGreaterThan(0);
    const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const dockerfile = read('Dockerfile');
    const dev = read('scripts/dev.mjs');
    for (const [name, value] of settings) {
      expect(packageJson.scripts.start).toMatch(new RegExp(`^${name}=${value} exec `));
      expect(dockerfile).toMatch(new RegExp(`^\\s+${name}=${value}$`, 'm'));
      expect(dev).toContain(`${name}: '${value}'`);
    }
  });

  it('is passed by every production start-up of the server and by the benchmarks', () => {
    const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.start).toContain(`node ${flags} apps/api/dist/main.js`);
    const dockerCommand = JSON.stringify(['node', ...HEAP_BUDGET_FLAGS, 'apps/api/dist/main.js']);
    expect(read('Dockerfile').replaceAll(', ', ',')).toContain(`CMD ${dockerCommand}`);
    expect(read('scripts/dev.mjs')).toMatch(
      new RegExp(
        `${HEAP_BUDGET_FLAGS.map((flag) => `'${flag}',`).join('\\s*')}\\s*'apps/api/dist/main.js'`,
      ),
    );
    // The benchmarks measure the server as it runs: the ones that run the app in their own
    // process rerun themselves under the budget, the others start the server with it.
    expect(read('apps/api/bench/support/built-app.mjs')).toContain('.HEAP_BUDGET_FLAGS');
    expect(read('apps/api/bench/support/built-app.mjs')).toContain('.MALLOC_ENV');
    for (const bench of ['jira-sync', 'import']) {
      expect(read(`apps/api/bench/${bench}.bench.mjs`)).toContain(
        'await runUnderServerFlags(import.meta.url);',
      );
    }
    for (const bench of ['flow', 'query']) {
      expect(read(`apps/api/bench/${bench}.bench.mjs`)).toContain('startBuiltServer(');
    }
  });
});
