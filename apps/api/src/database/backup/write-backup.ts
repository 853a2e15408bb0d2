import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { APP_VERSION } from '../../config/version.js';
import {
  BACKUP_FORMAT_VERSION,
  FRAME,
  frame,
  frameHeader,
  MAGIC,
  MAX_DATA_FRAME_BYTES,
} from './backup-format.js';
import type { BackupManifest } from './backup-manifest.js';
import {
  appliedMigrationNames,
  beginSnapshot,
  copyTableOut,
  endSnapshot,
  type TableShape,
  tablesInDependencyOrder,
  useCanonicalTextFormat,
} from './backup.repository.js';
import { TableDigest } from './table-digest.js';

export type BackupOptions = {
  /** Id of the secrets key to record (see secret-key-id.ts). */
  secretKeyId: string | null;
  /** Stops the backup; the file is then not written. */
  signal?: AbortSignal;
};

export type BackupResult = { manifest: BackupManifest; bytes: number };

/**
 * Writes a backup of Bearing's tables to `file` from one read-only REPEATABLE READ transaction:
 * a consistent snapshot taken while Bearing keeps running, each table streamed with `COPY … TO
 * STDOUT` through gzip, never a whole table in memory (layout in backup-format.ts). The data
 * goes to a temporary file beside `file` (mode 0600: it holds password hashes) that is renamed
 * only once complete, so `file` is either a whole backup or absent.
 */
export async function writeBackup(
  url: string,
  file: string,
  options: BackupOptions,
): Promise<BackupResult> {
  if (existsSync(file)) throw new Error(`${file} already exists; a backup never overwrites a file`);
  const createdAt = new Date().toISOString();
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  // Its own connection, closed whatever happens: a COPY cut off midway leaves a connection
  // that cannot be used again, and closing it ends the transaction.
  const client = new pg.Client({ connectionString: url });
  // A server that goes away between two statements tells the idle client so as an event: without
  // a listener that ended the process, leaving the partial file. The next statement then fails
  // ("not queryable"), and the backup fails with it like any other.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await beginSnapshot(client);
    await useCanonicalTextFormat(client);
    const migrations = await appliedMigrationNames(client);
    const lastMigration = migrations.at(-1);
    if (!lastMigration) throw new Error('the database has no Bearing schema: no migration applied');
    const tables = await tablesInDependencyOrder(client);
    const manifest: BackupManifest = {
      format: 'bearing-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      bearingVersion: APP_VERSION,
      createdAt,
      lastMigration,
      migrations,
      secretKeyId: options.secretKeyId,
      tables: [],
    };
    await pipeline(
      Readable.from(backupContent(client, tables, manifest)),
      createGzip(),
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      { signal: options.signal },
    );
    await endSnapshot(client);
    await rename(partial, file);
    return { manifest, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** The uncompressed stream; fills `manifest.tables` as each table's data goes by. */
async function* backupContent(
  client: pg.Client,
  tables: TableShape[],
  manifest: BackupManifest,
): AsyncGenerator<Buffer> {
  yield MAGIC;
  for (const table of tables) {
    yield* frame(FRAME.table, Buffer.from(table.name, 'utf8'));
    const digest = new TableDigest();
    for await (const chunk of copyTableOut(client, table) as AsyncIterable<Buffer>) {
      digest.add(chunk);
      // A row can be larger than a frame (an upload kept until its import ends): split it.
      for (let at = 0; at < chunk.length; at += MAX_DATA_FRAME_BYTES) {
        const piece = chunk.subarray(at, at + MAX_DATA_FRAME_BYTES);
        yield frameHeader(FRAME.data, piece.length);
        yield piece;
      }
    }
    manifest.tables.push({ ...table, ...digest.finish() });
  }
  yield* frame(FRAME.manifest, Buffer.from(JSON.stringify(manifest), 'utf8'));
}
