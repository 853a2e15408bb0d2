import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { resolveSecretKey } from '../../common/secrets/secret-key.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { resetDemoWorkspace } from '../../demo/demo-workspace.js';
import { connectDatabase } from '../connect-database.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../embedded-database.js';
import { runMigrationsWithLock } from '../run-migrations.js';

/**
 * `npm run demo:reset`: deletes the demo workspace with everything in it and seeds it again,
 * against the same database `npm start` uses (`DATABASE_URL`, else the embedded one in
 * `BEARING_DATA_DIR` — stop Bearing first, the embedded cluster runs for one process at a time).
 * Ctrl-C stops between two steps and exits 0; the next start or reset finishes the job.
 */
function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

let stopRequested = false;
const onSignal = () => {
  if (stopRequested) return;
  stopRequested = true;
  say('\nStopping after the current step…');
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

let embedded: EmbeddedDatabase | undefined;
try {
  // npm runs workspace scripts inside apps/api; a relative BEARING_DATA_DIR means what it means
  // for `npm start`, which runs where npm was invoked (INIT_CWD).
  const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase(config.dataDir, say);
    url = embedded.url;
  }
  const dataSource = await connectDatabase(url, config.databaseUrl !== undefined);
  await runMigrationsWithLock(dataSource);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, logLevel: 'warn' }, dataSource, await resolveSecretKey(config)),
    { logger: ['error', 'warn'] },
  );
  try {
    const began = Date.now();
    say('Resetting the demo workspace…');
    const outcome = await resetDemoWorkspace(app, dataSource, {
      stopRequested: () => stopRequested,
    });
    if (outcome === 'seeded') say(`Demo workspace seeded again in ${Date.now() - began} ms.`);
    else if (outcome === 'stopped')
      say('Stopped; run it again (or start Bearing) to finish the demo.');
    else if (outcome === 'seeding-elsewhere') {
      say('Another Bearing process is seeding the demo right now; try again in a minute.');
      process.exitCode = 1;
    }
  } finally {
    await app.close();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    error instanceof ConfigError
      ? `Configuration error — ${message}\n`
      : `The demo could not be reset: ${message}\n`,
  );
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
