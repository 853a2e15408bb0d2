import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { type AppConfig, ConfigError, loadConfig } from './config/config.js';
import { connectDatabase } from './database/connect-database.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './database/embedded-database.js';
import { runMigrationsWithLock } from './database/run-migrations.js';
import { createApp } from './create-app.js';

const SHUTDOWN_DEADLINE_MS = 9000;

/** Messages for the person at the terminal, before the structured logger exists. */
function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

/**
 * Starts Bearing: validated config → database (embedded unless `DATABASE_URL`) → migrations
 * under an advisory lock → HTTP server. SIGINT/SIGTERM stop it in reverse order and exit 0.
 */
export async function runServer(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let dataSource: DataSource | undefined;
  let app: NestExpressApplication | undefined;
  let stopping = false;

  const stopEverything = async () => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      say('Shutdown took too long; exiting.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    try {
      // app.close() stops accepting connections, waits for in-flight requests and closes the pool.
      if (app) await app.close();
      else if (dataSource?.isInitialized) await dataSource.destroy();
      if (embedded) await embedded.stop();
    } finally {
      clearTimeout(deadline);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    say(`\n${signal} received: stopping Bearing…`);
    void stopEverything().then(() => say('Bearing stopped.'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const config: AppConfig = loadConfig();
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const started = Date.now();
      embedded = await startEmbeddedDatabase(config.dataDir, say);
      databaseUrl = embedded.url;
      say(`Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${config.dataDir}).`);
    }
    dataSource = await connectDatabase(databaseUrl, config.databaseUrl !== undefined);
    const applied = await runMigrationsWithLock(dataSource);
    if (applied.length > 0) say(`Applied ${applied.length} migration(s).`);
    if (stopping) return;
    app = await createApp(config, dataSource);
    await listen(app, config.port);
    say(`Bearing is running at http://localhost:${config.port}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error — ${error.message}\n`);
    } else {
      process.stderr.write(
        `Bearing could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exitCode = 1;
    await stopEverything().catch(() => undefined);
  }
}

async function listen(app: NestExpressApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new ConfigError('PORT', `port ${port} is already in use`);
    if (code === 'EACCES') throw new ConfigError('PORT', `not allowed to listen on port ${port}`);
    throw error;
  }
}
