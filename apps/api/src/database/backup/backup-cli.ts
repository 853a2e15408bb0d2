import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../../config/config.js';
import { type BearingDatabase, openBearingDatabase } from './bearing-database.js';
import {
  abortOnSignal,
  describeError,
  fail,
  formatBytes,
  formatSeconds,
  say,
} from './cli-output.js';
import { currentSecretKeyId } from './secret-key-id.js';
import { writeBackup } from './write-backup.js';

/**
 * `npm run backup -- <file>`: a consistent backup of the database `npm start` uses, taken while
 * Bearing runs (see write-backup.ts). One line on success; one line and exit 1 on failure, when
 * no file is left behind.
 */
const signal = abortOnSignal();
let database: BearingDatabase | undefined;
try {
  const argument = process.argv[2];
  if (!argument) throw new Error('name the file to write: npm run backup -- <file>');
  // npm runs workspace scripts inside apps/api; paths mean what they mean where npm was invoked.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = path.resolve(cwd, argument);
  const config = loadConfig(process.env, cwd);
  database = await openBearingDatabase(config, say, { mustExist: true });
  const began = performance.now();
  const { manifest, bytes } = await writeBackup(database.url, file, {
    secretKeyId: await currentSecretKeyId(config),
    signal,
  });
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  say(
    `Backed up ${manifest.tables.length} tables (${rows} rows) to ${file}: ` +
      `${formatBytes(bytes)} in ${formatSeconds(performance.now() - began)}.`,
  );
} catch (error) {
  fail(
    signal.aborted
      ? 'Backup stopped; no file was written.'
      : `Backup failed: ${describeError(error)}`,
  );
} finally {
  await database?.close();
}
