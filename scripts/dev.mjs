// `npm run dev`: the API recompiled by tsc in watch mode and restarted by node --watch, the web
// app on the Vite dev server (which proxies /api to the API). Dependency-free; Ctrl-C stops all.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prepared = spawnSync('node', ['scripts/ensure-ready.mjs'], { cwd: root, stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const children = [
  ['tsc', ['-p', 'packages/metrics/tsconfig.build.json', '--watch', '--preserveWatchOutput']],
  ['tsc', ['-p', 'packages/contracts/tsconfig.build.json', '--watch', '--preserveWatchOutput']],
  ['tsc', ['-p', 'apps/api/tsconfig.build.json', '--watch', '--preserveWatchOutput']],
  [
    'node',
    [
      '--watch-path=apps/api/dist',
      '--watch-path=packages/metrics/dist',
      '--watch-path=packages/contracts/dist',
      // The heap budget of production (apps/api/src/config/heap-budget.ts).
      '--max-heap-size=1024',
      'apps/api/dist/main.js',
    ],
  ],
  ['vite', ['--config', 'apps/web/vite.config.ts', 'apps/web']],
].map(([command, args]) =>
  spawn(
    command === 'node' ? process.execPath : path.join(root, 'node_modules', '.bin', command),
    args,
    {
      cwd: root,
      stdio: 'inherit',
      // The API gets the malloc settings of production (apps/api/src/config/heap-budget.ts).
      env: command === 'node' ? { ...process.env, MALLOC_MMAP_THRESHOLD_: '131072' } : process.env,
    },
  ),
);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', () => {
    if (children.every((each) => each.exitCode !== null || each.signalCode !== null))
      process.exit(0);
    stop('SIGTERM');
  });
}
