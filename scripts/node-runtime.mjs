// Which Node.js runs Bearing. Bearing targets Node.js 24 LTS and supports 22.12 or newer (the
// root package.json's `engines.node`). On an older Node this fetches the pinned Node.js 24 below
// from the npm registry, once, into a per-user cache folder, and hands back its `bin` directory;
// the system's Node is never touched. Used by scripts/with-node.mjs (`npm start`, `npm test`…)
// and .ci/run. Dependency-free plain JavaScript on purpose: it must run on the old Node too.
//
//   node scripts/node-runtime.mjs          prints the bin directory of a Node.js >= 22.12
//   node scripts/node-runtime.mjs --ci     the same, but anything other than Node.js 24 counts
//                                          as too old (CI always runs on the pinned major)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node.js 24 LTS release fetched when the running Node is too old (and used by CI). */
export const NODE_VERSION = '24.22.3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The oldest supported Node.js, from the root package.json's `engines.node` (">=X.Y.Z"). */
export const MINIMUM_VERSION = (() => {
  const { engines } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const match = /^>=\s*(\d+\.\d+\.\d+)$/.exec(engines?.node ?? '');
  if (!match) throw new Error(`package.json: engines.node must read ">=X.Y.Z"`);
  return match[1];
})();

/** -1, 0 or 1 as version `a` is older than, the same as or newer than `b` ("24.1.0" form). */
export function compareVersions(a, b) {
  const [x, y] = [a, b].map((version) => version.replace(/^v/, '').split('.').map(Number));
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);
const shortVersion = (version) => version.split('.').slice(0, 2).join('.');

/** Where the pinned Node.js is kept: `${XDG_CACHE_HOME:-$HOME/.cache}/bearing/node-…`. */
export function cachedNodeDir(version = NODE_VERSION) {
  const xdg = process.env.XDG_CACHE_HOME;
  const cacheHome = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'bearing', `node-${version}-${process.platform}-${process.arch}`);
}

/** The npm package holding the Node.js binary for this machine (what the `node` package installs). */
function binaryPackage(version) {
  if (process.platform === 'win32') return undefined; // node-win-*: another layout, not handled
  return `node-${process.platform}-${process.arch}@${version}`;
}

/** Runs `<binDir>/node --version`; the version without its "v", or undefined if it does not run. */
function versionIn(binDir) {
  const node = path.join(binDir, 'node');
  if (!existsSync(node)) return undefined;
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

/** npm settings inherited from an outer `npm run` that must not steer this private install. */
const INHERITED_NPM_SETTING =
  /^npm_config_(prefix|local_prefix|global|workspaces?|include_workspace_root|dry_run|omit|include|production|only|save\w*|package_lock\w*|ignore_scripts|os|cpu|libc|install_strategy|global_style|legacy_bundling)$/i;

/**
 * Fetches Node.js `version` from the npm registry with npm itself (which checks the tarball
 * against the registry's integrity hash) into a private folder next to the cache folder, then
 * renames that folder into place: a concurrent run sees either no folder or a complete one.
 * Returns the bin directory; throws with a one-line reason when anything fails.
 */
function fetchNode(version, target) {
  const spec = binaryPackage(version);
  if (!spec) throw new Error(`no Node.js package on the npm registry for ${process.platform}`);
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const scratch = mkdtempSync(path.join(parent, `.${path.basename(target)}.partial-`));
  try {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !INHERITED_NPM_SETTING.test(key)),
    );
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        scratch,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        spec,
      ],
      {
        cwd: scratch,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        shell: process.platform === 'win32',
      },
    );
    if (install.error) throw new Error(`could not run npm (${install.error.message})`);
    if (install.status !== 0) {
      const lines = install.stderr.split('\n').filter((line) => line.trim() !== '');
      const reason = lines.find((line) => /\bcode\b/.test(line)) ?? lines[0] ?? '';
      throw new Error(`npm install ${spec} failed${reason ? ` (${reason.trim()})` : ''}`);
    }
    const fetched = path.join(scratch, 'node_modules', spec.slice(0, spec.lastIndexOf('@')));
    const fetchedVersion = versionIn(path.join(fetched, 'bin'));
    if (fetchedVersion !== version)
      throw new Error(`the fetched Node.js does not run here (${spec}: bin/node --version failed)`);
    if (existsSync(target) && versionIn(path.join(target, 'bin')) !== version)
      renameSync(target, path.join(scratch, 'broken')); // a damaged copy: replaced, then deleted
    try {
      renameSync(fetched, target);
    } catch (error) {
      // Another run finished first: its complete folder is as good as ours.
      if (versionIn(path.join(target, 'bin')) !== version) throw error;
    }
    return path.join(target, 'bin');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The folder holding the C headers of the Node.js in `binDir` (`include/node`, shipped with
 * Node.js builds and distribution packages), for node-gyp's `nodedir`: native addons must be
 * compiled against the headers of the Node that loads them, whatever an npmrc says.
 */
export function headersDir(binDir) {
  const prefix = path.dirname(binDir);
  return existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : undefined;
}

/**
 * The bin directory of the Node.js to run Bearing with: the running Node's own when it is new
 * enough (`ci`: when it has the pinned major), else the pinned Node.js from the cache folder,
 * fetched on first use with one line on stderr. Exits 1 with one line when that fails.
 */
export function nodeBinDir({ ci = false } = {}) {
  const running = process.versions.node;
  const goodEnough = ci
    ? majorOf(running) === majorOf(NODE_VERSION)
    : compareVersions(running, MINIMUM_VERSION) >= 0;
  if (goodEnough) return path.dirname(process.execPath);

  const target = cachedNodeDir();
  if (versionIn(path.join(target, 'bin')) === NODE_VERSION) return path.join(target, 'bin');

  const why = ci
    ? `CI runs on Node.js ${majorOf(NODE_VERSION)} and this is Node.js ${running}`
    : `Node.js ${running} is older than ${shortVersion(MINIMUM_VERSION)}`;
  const home = os.homedir();
  const shown = target.startsWith(home + path.sep) ? `~${target.slice(home.length)}` : target;
  process.stderr.write(
    `${why}; fetching Node.js ${NODE_VERSION} from the npm registry (once) into ${shown} …\n`,
  );
  try {
    return fetchNode(NODE_VERSION, target);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Bearing needs Node.js ${shortVersion(MINIMUM_VERSION)} or newer (24 LTS recommended); ` +
        `this is Node.js ${running} and fetching Node.js ${NODE_VERSION} failed: ${reason}. ` +
        `Install Node.js 24 and put it first on PATH.\n`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--ci')) {
    process.stderr.write('usage: node scripts/node-runtime.mjs [--ci]\n');
    process.exit(2);
  }
  process.stdout.write(`${nodeBinDir({ ci: args.includes('--ci') })}\n`);
}
