// Runs a command on a supported Node.js: `node scripts/with-node.mjs [--ready] <command> [args…]`.
// On Node.js 22.12 or newer the command runs as is; on an older Node it runs with the pinned
// Node.js 24 (fetched once from the npm registry, see node-runtime.mjs) first on PATH, so the
// `node` it starts, and npm, run on that Node. `--ready` first runs scripts/ensure-ready.mjs
// (install and build what is stale) on that same Node, so native addons are installed and
// loaded by one Node. Signals reach the command, and its exit status is this script's.
// Dependency-free plain JavaScript on purpose: it runs on the old Node too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersDir, nodeBinDir } from './node-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const ready = args[0] === '--ready';
if (ready) args.shift();
if (args.length === 0) {
  process.stderr.write('usage: node scripts/with-node.mjs [--ready] <command> [args…]\n');
  process.exit(2);
}

const binDir = nodeBinDir();
const node = path.join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
const env = { ...process.env };
const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
if (!firstOnPath(env[pathKey] ?? '', node))
  env[pathKey] = [binDir, env[pathKey]].filter(Boolean).join(path.delimiter);
// Native addons that npm builds (node-gyp) are compiled against this Node's own headers.
const nodedir = headersDir(binDir);
if (nodedir) env.npm_config_nodedir = nodedir;

/** Whether the first `node` found on `searchPath` is `node` itself. */
function firstOnPath(searchPath, node) {
  for (const directory of searchPath.split(path.delimiter)) {
    const candidate = path.join(directory || '.', path.basename(node));
    if (existsSync(candidate)) return realpathSync(candidate) === realpathSync(node);
  }
  return false;
}

if (ready) {
  const prepared = spawnSync(node, [path.join(root, 'scripts', 'ensure-ready.mjs')], {
    stdio: 'inherit',
    env,
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

/**
 * Whether a SIGINT/SIGQUIT most likely came from the terminal (Ctrl-C, Ctrl-\): the terminal
 * sends it to its whole foreground process group, the command included, so passing it on as
 * well would deliver it twice (and a second SIGINT ends Bearing before it has stopped its
 * database). Linux tells through /proc; elsewhere the signal is passed on.
 */
function fromTerminal(signal) {
  if (signal !== 'SIGINT' && signal !== 'SIGQUIT') return false;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [processGroup, terminalForegroundGroup] = [fields[2], fields[5]];
    return Number(terminalForegroundGroup) > 0 && processGroup === terminalForegroundGroup;
  } catch {
    return false;
  }
}

const child = spawn(args[0], args.slice(1), {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
if (process.platform !== 'win32') forwarded.push('SIGQUIT');
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null && !fromTerminal(signal))
    child.kill(signal);
};
for (const signal of forwarded) process.on(signal, forward);

child.on('error', (error) => {
  process.stderr.write(`${args[0]}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal === null) process.exit(code ?? 1);
  // Ended by a signal: end the same way, so whoever started us sees what the command did.
  for (const each of forwarded) process.off(each, forward);
  process.kill(process.pid, signal);
  setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), 1000);
});
