// What every API benchmark starts from: the BUILT app (`npx tsc -p tsconfig.build.json` in
// apps/api), or another build named by BENCH_DIST (e.g. an earlier commit's dist/, to compare),
// and a fresh embedded PostgreSQL in a temporary directory with the schema migrated.
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build the benchmark measures: BENCH_DIST if set, else apps/api/dist. */
export const dist = process.env.BENCH_DIST
  ? new URL(`file://${path.resolve(process.env.BENCH_DIST)}/`)
  : new URL('../../dist/', import.meta.url);
if (!existsSync(new URL('main.js', dist))) {
  throw new Error('apps/api is not built: run `npx tsc -p tsconfig.build.json` in apps/api first');
}

/** A module of the build, by its path under dist/ (e.g. `create-app.js`). */
export const load = (file) => import(new URL(file, dist).href);

/** A free loopback port (for the database or a server started as a process of its own). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A fresh embedded PostgreSQL in a temporary directory named after the benchmark, with the
 * schema migrated. `stop()` closes the data source, stops the cluster and removes the directory.
 */
export async function startBenchDatabase(name) {
  const [{ startCluster }, { dataSourceOptions }, { runMigrationsWithLock }, { DataSource }] =
    await Promise.all([
      load('database/postgres-cluster.js'),
      load('database/data-source-options.js'),
      load('database/run-migrations.js'),
      import('typeorm'),
    ]);
  const work = await mkdtemp(path.join(tmpdir(), `bearing-${name}-bench-`));
  // The cluster runs as an unprivileged user when the benchmark runs as root: it must reach it.
  await chmod(work, 0o711);
  const port = await freePort();
  const cluster = await startCluster({
    directory: path.join(work, 'cluster'),
    user: 'bearing',
    password: 'bench',
    port,
  });
  const databaseUrl = `postgres://bearing:bench@127.0.0.1:${port}/postgres`;
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  try {
    await dataSource.initialize();
    await runMigrationsWithLock(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  return {
    work,
    databaseUrl,
    dataSource,
    async stop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await cluster.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * The flags every production start-up gives Node (config/heap-budget.ts), so a server the
 * benchmark runs sizes its heap as `npm start` and the Docker image do. They are this tree's,
 * so two builds compared through BENCH_DIST run under the same flags; an older build's tree
 * without them, none.
 */
export async function serverNodeFlags() {
  return [...((await heapBudget())?.HEAP_BUDGET_FLAGS ?? [])];
}

/** The malloc settings every production start-up puts in the server's environment, likewise. */
export async function serverNodeEnv() {
  return { ...((await heapBudget())?.MALLOC_ENV ?? {}) };
}

async function heapBudget() {
  for (const file of [
    new URL('../../dist/config/heap-budget.js', import.meta.url),
    new URL('config/heap-budget.js', dist),
  ]) {
    if (existsSync(file)) return import(file.href);
  }
  return undefined;
}

/**
 * For a benchmark that runs the app in its own process (its peak RSS is the server's): when
 * this process was started without `serverNodeFlags()` and `serverNodeEnv()`, runs the
 * benchmark `scriptUrl` again with them and exits with its status; else returns.
 */
export async function runUnderServerFlags(scriptUrl) {
  const flags = await serverNodeFlags();
  const env = await serverNodeEnv();
  if (
    flags.every((flag) => process.execArgv.includes(flag)) &&
    Object.entries(env).every(([name, value]) => process.env[name] === value)
  )
    return;
  const again = spawnSync(
    process.execPath,
    [...flags, ...process.execArgv, fileURLToPath(scriptUrl), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  process.exit(again.status ?? 1);
}

/**
 * Starts the build's main.js as a process of its own (so its peak RSS is its own), with the
 * production start-up's Node flags, against `databaseUrl` on `port`, with `env` added; resolves
 * with the child once it answers.
 */
export async function startBuiltServer({ port, databaseUrl, dataDir, env = {} }) {
  const flags = await serverNodeFlags();
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL('main.js', dist))], {
    env: {
      ...process.env,
      ...(await serverNodeEnv()),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      BEARING_DEMO: 'false',
      BEARING_DATA_DIR: dataDir,
      BEARING_SECRET_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (answer.ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops a server `startBuiltServer` started, as a service manager would (SIGTERM). */
export async function stopBuiltServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
