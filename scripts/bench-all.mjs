// `npm run bench`: every workspace's benchmark in one run, one after another so they do not
// compete for the cores. Each one exits non-zero when a target is missed; a missed target must
// not hide the figures of the benchmarks after it, so all run and the exit code says whether
// every target held.
import { spawnSync } from 'node:child_process';

const workspaces = ['@bearing/metrics', '@bearing/web', '@bearing/api'];
const missed = [];
for (const workspace of workspaces) {
  const { status } = spawnSync('npm', ['run', 'bench', '-w', workspace], { stdio: 'inherit' });
  if (status !== 0) missed.push(workspace);
}
if (missed.length > 0) {
  console.error(`\nBenchmarks with a missed target or an error: ${missed.join(', ')}`);
  process.exit(1);
}
console.log('\nEvery benchmark target held.');
