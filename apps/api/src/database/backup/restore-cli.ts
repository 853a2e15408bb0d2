import 'reflect-metadata';
import path from 'node:path';
import { SECRET_KEY_FILE } from '../../common/secrets/secret-key.js';
import { loadConfig } from '../../config/config.js';
import { RestoreRefusedError } from './backup-errors.js';
import { type BearingDatabase, openBearingDatabase } from './bearing-database.js';
import { abortOnSignal, describeError, fail, formatSeconds, say } from './cli-output.js';
import { MigrationAfterRestoreError, restoreBackup } from './restore-backup.js';
import { currentSecretKeyId } from './secret-key-id.js';
import { verifyBackup } from './verify-backup.js';

/**
 * `npm run restore -- <file>`: fills the empty database `npm start` would use (creating the
 * embedded one if BEARING_DATA_DIR has none yet) from a backup (see restore-backup.ts). The
 * file is checked whole before anything is opened; a refusal is one line and exit 1, with the
 * database as it was.
 */
const signal = abortOnSignal();
let database: BearingDatabase | undefined;
try {
  const argument = process.argv[2];
  if (!argument) throw new Error('name the backup file: npm run restore -- <file>');
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = path.resolve(cwd, argument);
  const config = loadConfig(process.env, cwd);
  const began = performance.now();
  const backup = await verifyBackup(file);
  signal.throwIfAborted();
  database = await openBearingDatabase(config, say, { mustExist: false });
  const { rows, migratedAfter } = await restoreBackup(database.dataSource, backup, { signal });
  const { manifest } = backup;
  say(
    `Restored ${manifest.tables.length} tables (${rows} rows) from ${file}, a backup of ` +
      `${manifest.createdAt} by Bearing ${manifest.bearingVersion}, in ` +
      `${formatSeconds(performance.now() - began)}; ${newerMigrations(migratedAfter.length)}.`,
  );
  const keyId = await currentSecretKeyId(config);
  if (manifest.secretKeyId !== null && manifest.secretKeyId !== keyId) {
    say(
      `Its stored secrets need the secrets key ${manifest.secretKeyId}: before starting Bearing, ` +
        'set BEARING_SECRET_KEY to that key (or, with the embedded database, put its key file ' +
        `${SECRET_KEY_FILE} in BEARING_DATA_DIR).`,
    );
  }
} catch (error) {
  if (signal.aborted) {
    fail('Restore stopped; nothing was changed.');
  } else if (error instanceof RestoreRefusedError) {
    fail(`Restore refused: ${error.message}. Nothing was changed.`);
  } else if (error instanceof MigrationAfterRestoreError) {
    fail(`Restored, but ${error.message}`);
  } else {
    fail(`Restore failed: ${describeError(error)}; nothing was changed.`);
  }
} finally {
  await database?.close();
}

function newerMigrations(count: number): string {
  if (count === 0) return 'no newer migration to apply';
  return `${count} newer migration${count === 1 ? '' : 's'} applied`;
}
