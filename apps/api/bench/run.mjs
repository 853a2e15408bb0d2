// `npm run bench` of the API: each benchmark in turn, every one of them run even when an
// earlier one missed a target (each prints its own MISSED line); the exit code is 1 if any did.
// Run after `npx tsc -p tsconfig.build.json`: they all measure the BUILT app in ../dist.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks = [
  ['--expose-gc', 'import.bench.mjs'],
  ['api.bench.mjs'],
  ['uploads.bench.mjs'],
  ['flow.bench.mjs'],
  ['query.bench.mjs'],
  ['digests.bench.mjs'],
  ['jira-sync.bench.mjs'],
  ['auth.bench.mjs'],
];
let failed = false;
for (const args of benchmarks) {
  const file = fileURLToPath(new URL(args.at(-1), import.meta.url));
  const { status } = spawnSync(process.execPath, [...args.slice(0, -1), file], {
    stdio: 'inherit',
  });
  if (status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
