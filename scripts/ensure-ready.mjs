// Runs before `npm start` and `npm test` on any checkout, fresh or not: installs dependencies
// when they are missing, older than the lockfile or installed by a Node.js with another native
// module ABI (native addons are built for the Node that installs them), then rebuilds each
// workspace whose inputs changed since its last build, in dependency order. Dependency-free on
// purpose — it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Build order: each workspace after the ones it imports. */
const workspaces = [
  { name: '@bearing/metrics', dir: 'packages/metrics', dependsOn: [] },
  { name: '@bearing/contracts', dir: 'packages/contracts', dependsOn: [] },
  { name: '@bearing/web', dir: 'apps/web', dependsOn: ['@bearing/metrics', '@bearing/contracts'] },
  { name: '@bearing/api', dir: 'apps/api', dependsOn: ['@bearing/metrics', '@bearing/contracts'] },
];
const BUILD_STAMP = '.build-stamp';
const IGNORED = new Set([
  'node_modules',
  'dist',
  'coverage',
  'test-results',
  'test',
  'e2e',
  'bench',
]);

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(`\n${command} ${args.join(' ')} failed (exit ${result.status}).\n`);
    process.exit(result.status ?? 1);
  }
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Newest modification time of the files a build reads (tests and benchmarks excluded). */
function newestInput(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestInput(full));
    else if (!/\.(spec|test)\.tsx?$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Which Node.js runtime the installed native addons are built for. */
const NODE_ABI = `${process.versions.modules}-${process.platform}-${process.arch}`;

function installIfNeeded() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lockfile = path.join(root, 'package-lock.json');
  const abiStamp = path.join(root, 'node_modules', '.node-abi');
  const installedAbi = existsSync(abiStamp) ? readFileSync(abiStamp, 'utf8').trim() : undefined;
  if (existsSync(installed) && mtime(installed) >= mtime(lockfile)) {
    if (installedAbi === NODE_ABI) return;
    process.stdout.write(
      `Reinstalling dependencies for Node.js ${process.versions.node} (installed by another Node.js)…\n`,
    );
  } else {
    process.stdout.write('Installing dependencies (first run only)…\n');
  }
  run(
    'npm',
    existsSync(lockfile)
      ? ['ci', '--no-audit', '--no-fund']
      : ['install', '--no-audit', '--no-fund'],
  );
  writeFileSync(abiStamp, `${NODE_ABI}\n`);
}

function buildStale() {
  const rebuilt = new Set();
  for (const workspace of workspaces) {
    const directory = path.join(root, workspace.dir);
    const stamp = path.join(directory, 'dist', BUILD_STAMP);
    const upstreamRebuilt = workspace.dependsOn.some((name) => rebuilt.has(name));
    if (!upstreamRebuilt && mtime(stamp) > newestInput(directory)) continue;
    process.stdout.write(`Building ${workspace.name}…\n`);
    run('npm', ['run', 'build', '--silent', '-w', workspace.name]);
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
    rebuilt.add(workspace.name);
  }
}

installIfNeeded();
buildStale();
