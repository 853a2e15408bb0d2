import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { bootstrapAccounts, describeBootstrap } from './bootstrap-accounts.js';
import { ConfigError, loadConfig } from './config/config.js';
import { connectDatabase } from './database/connect-database.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded-database.js';
import { runMigrationsWithLock } from './database/run-migrations.js';
import { surviveServerGoingAway } from './database/server-going-away.js';
import { createApp } from './create-app.js';
import { drainable, type HttpDrain } from './common/shutdown/http-drain.js';
import { ensureDemoSeeded } from './demo/demo-workspace.js';

const SHUTDOWN_DEADLINE_MS = 9000;
/**
 * While the demo is being seeded (first start only) a stop waits for the step in progress — one
 * team's history import is CPU work that cannot be cut short — so it may take longer.
 */
const SEEDING_SHUTDOWN_DEADLINE_MS = 45_000;
/** In-flight requests get this long to finish on shutdown before their connections are cut. */
const DRAIN_DEADLINE_MS = 4000;

/** What a start has brought up so far; shutdown releases exactly these, in reverse order. */
type Resources = {
  embedded?: EmbeddedDatabase;
  dataSource?: DataSource;
  app?: NestExpressApplication;
  /** The listening HTTP server's connections, drained first on shutdown. */
  http?: HttpDrain;
  /** True while the demo workspace is being seeded. */
  seeding?: boolean;
};

/** Messages for the person at the terminal, outside the structured request log. */
function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

/**
 * Starts Bearing: validated config → database (embedded unless `DATABASE_URL`) → migrations
 * under an advisory lock → first admin (and demo workspace) → HTTP server. SIGINT/SIGTERM —
 * even in the middle of starting — stop it in reverse order and exit 0; an embedded database
 * that cannot be kept running stops it the same way with exit code 1.
 */
export async function runServer(): Promise<void> {
  surviveServerGoingAway(say);
  const resources: Resources = {};
  let stopRequested = false;
  let released: Promise<void> | undefined;
  const release = () => (released ??= releaseAll(resources));
  // The embedded database kept dying: stop as on a signal, but exit 1 so a supervisor restarts us.
  const onDatabaseLost = (reason: string) => {
    if (stopRequested) return;
    process.stderr.write(`${reason}\n`);
    process.exitCode = 1;
    stop();
  };
  const startup = start(resources, () => stopRequested, onDatabaseLost);

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    say(`\n${signal} received: stopping Bearing…`);
    stop();
  };
  const stop = () => {
    stopRequested = true;
    if (resources.seeding) say('Stopping after the demo step in progress…');
    const deadline = setTimeout(
      () => {
        say('Shutdown took too long; exiting.');
        process.exit(1);
      },
      resources.seeding ? SEEDING_SHUTDOWN_DEADLINE_MS : SHUTDOWN_DEADLINE_MS,
    );
    deadline.unref();
    // A start in progress notices the request at its next step; then everything is released.
    void startup
      .catch(() => undefined)
      .then(release)
      .then(() => say('Bearing stopped.'))
      .finally(() => clearTimeout(deadline));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await startup;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      error instanceof ConfigError
        ? `Configuration error — ${message}\n`
        : `Bearing could not start: ${message}\n`,
    );
    process.exitCode = 1;
    await release().catch(() => undefined);
  }
}

async function start(
  resources: Resources,
  stopRequested: () => boolean,
  onDatabaseLost: (reason: string) => void,
): Promise<void> {
  const config = loadConfig();
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const began = Date.now();
    resources.embedded = await startEmbeddedDatabase(config.dataDir, say, {
      onGiveUp: onDatabaseLost,
    });
    databaseUrl = resources.embedded.url;
    say(`Embedded PostgreSQL ready in ${Date.now() - began} ms (data in ${config.dataDir}).`);
  }
  if (stopRequested()) return;
  resources.dataSource = await connectDatabase(databaseUrl, config.databaseUrl !== undefined);
  const applied = await runMigrationsWithLock(resources.dataSource);
  if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
  const bootstrap = await bootstrapAccounts(resources.dataSource, config);
  for (const line of describeBootstrap(bootstrap)) say(line);
  if (stopRequested()) return;
  resources.app = await createApp(config, resources.dataSource);
  if (config.role === 'worker') {
    // A worker serves no HTTP: the queue started with the application and runs its jobs.
    say('Bearing worker is running jobs.');
    return;
  }
  if (config.demo) {
    resources.seeding = true;
    await seedDemo(resources.app, resources.dataSource, stopRequested);
    resources.seeding = false;
  }
  if (stopRequested()) return;
  resources.http = await listen(resources.app, config.port);
  say(
    `Bearing is running at http://localhost:${config.port}${config.role === 'web' ? ' (web only: jobs run in worker processes)' : ''}`,
  );
}

/**
 * Fills the demo workspace on its first start (or finishes a seeding that was interrupted),
 * before the server listens, so the first sign-in finds it populated. A failure is reported
 * but does not stop Bearing: the demo is a convenience, the product works without it.
 */
async function seedDemo(
  app: NestExpressApplication,
  dataSource: DataSource,
  stopRequested: () => boolean,
): Promise<void> {
  const began = Date.now();
  try {
    const outcome = await ensureDemoSeeded(app, dataSource, {
      stopRequested,
      onStart: () => say('Seeding the demo workspace…'),
    });
    if (outcome === 'seeded') say(`Seeded the demo workspace in ${Date.now() - began} ms.`);
    if (outcome === 'stopped') say('Demo seeding interrupted; the next start finishes it.');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`The demo workspace could not be seeded: ${message}\n`);
  }
}

/**
 * The shutdown order: 1. stop accepting and drain HTTP, 2. stop background work (the job
 * queue), 3. close the pool, 4. stop the embedded database — each step still has what it needs.
 */
async function releaseAll({ app, http, dataSource, embedded }: Resources): Promise<void> {
  if (http) {
    const { cutOff } = await http.drain(DRAIN_DEADLINE_MS);
    if (cutOff > 0)
      say(`${cutOff} connection(s) still busy after ${DRAIN_DEADLINE_MS} ms were closed.`);
  }
  // Step 2 — stop background work that uses the pool (the job queue) here, before it closes.
  // app.close() runs the modules' shutdown hooks and closes the pool.
  if (app) await app.close();
  else if (dataSource?.isInitialized) await dataSource.destroy();
  if (embedded) await embedded.stop();
}

async function listen(app: NestExpressApplication, port: number): Promise<HttpDrain> {
  const http = drainable(app.getHttpServer());
  try {
    await app.listen(port);
    return http;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new ConfigError('PORT', `port ${port} is already in use`);
    if (code === 'EACCES') throw new ConfigError('PORT', `not allowed to listen on port ${port}`);
    throw error;
  }
}
