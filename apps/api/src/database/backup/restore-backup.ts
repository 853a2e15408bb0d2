import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { type DataSource, type Migration, MigrationExecutor, type QueryRunner } from 'typeorm';
import { runMigrationsWithLock } from '../run-migrations.js';
import { RestoreRefusedError } from './backup-errors.js';
import { readBackupSections } from './backup-format.js';
import type { BackupManifest, BackupTable } from './backup-manifest.js';
import {
  bearingTableNames,
  clearMigrationHistory,
  copyTableIn,
  holdMigrationLock,
  resetSequences,
  setUserTriggers,
  tablesInDependencyOrder,
  useCanonicalTextFormat,
} from './backup.repository.js';
import { TableDigest } from './table-digest.js';
import type { VerifiedBackup } from './verify-backup.js';

export type RestoreResult = {
  rows: number;
  /** Migrations newer than the backup's, applied after its data was in. */
  migratedAfter: string[];
};

/**
 * Fills an empty database from a verified backup, in one transaction: the schema as the
 * backup's migrations made it, then every table loaded with `COPY … FROM STDIN` in the file's
 * order (parents before children), then the sequences moved past the restored rows. The data is
 * checked against the manifest again as it streams in; anything wrong rolls it all back. Once
 * committed, the migrations newer than the backup's run as at any start.
 */
export async function restoreBackup(
  dataSource: DataSource,
  backup: VerifiedBackup,
  options: { signal?: AbortSignal } = {},
): Promise<RestoreResult> {
  const rows = await restoreInOneTransaction(dataSource, backup, options.signal);
  try {
    return { rows, migratedAfter: await runMigrationsWithLock(dataSource) };
  } catch (error) {
    throw new MigrationAfterRestoreError(error);
  }
}

/** Schema, data and sequences, committed together or not at all; returns the rows loaded. */
async function restoreInOneTransaction(
  dataSource: DataSource,
  { file, manifest }: VerifiedBackup,
  signal: AbortSignal | undefined,
): Promise<number> {
  const queryRunner = dataSource.createQueryRunner();
  const client = (await queryRunner.connect()) as pg.PoolClient;
  try {
    await queryRunner.startTransaction();
    await holdMigrationLock(client);
    const existing = await bearingTableNames(client);
    if (existing.length > 0) {
      throw new RestoreRefusedError(
        `the database is not empty (it has ${existing.length} Bearing tables, ${existing.slice(0, 3).join(', ')}…); restore only fills an empty database`,
      );
    }
    await createSchemaOfBackup(dataSource, queryRunner, manifest);
    await useCanonicalTextFormat(client);
    await assertSchemaHolds(client, manifest.tables);
    await clearMigrationHistory(client);
    const rows = await loadTables(client, file, manifest, signal);
    await resetSequences(client);
    await queryRunner.commitTransaction();
    return rows;
  } catch (error) {
    // A COPY cut off midway has sent CopyFail (pg-copy-streams), so the rollback goes through.
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction().catch(() => {});
    throw error;
  } finally {
    await queryRunner.release();
  }
}

/** The data is in, but a migration newer than the backup failed; the next start retries it. */
export class MigrationAfterRestoreError extends Error {
  constructor(cause: unknown) {
    super(
      `migrating it to this version failed (${cause instanceof Error ? cause.message : String(cause)}); the next start tries again`,
      { cause },
    );
    this.name = 'MigrationAfterRestoreError';
  }
}

/** Runs, inside the open transaction, exactly the migrations the backup's database had run. */
async function createSchemaOfBackup(
  dataSource: DataSource,
  queryRunner: QueryRunner,
  manifest: BackupManifest,
): Promise<void> {
  const executor = new BackupMigrations(dataSource, queryRunner, new Set(manifest.migrations));
  executor.transaction = 'all'; // the transaction is already open: it joins it
  await executor.executePendingMigrations();
}

class BackupMigrations extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    queryRunner: QueryRunner,
    private readonly names: ReadonlySet<string>,
  ) {
    super(dataSource, queryRunner);
  }

  protected override getMigrations(): Migration[] {
    return super.getMigrations().filter((migration) => this.names.has(migration.name));
  }
}

/** Every table and column of the backup exists in the schema its migrations made. */
async function assertSchemaHolds(client: pg.ClientBase, tables: BackupTable[]): Promise<void> {
  const schema = new Map(
    (await tablesInDependencyOrder(client)).map((table) => [table.name, new Set(table.columns)]),
  );
  for (const table of tables) {
    const columns = schema.get(table.name);
    const missing = columns ? table.columns.filter((column) => !columns.has(column)) : [];
    if (!columns || missing.length > 0) {
      throw new RestoreRefusedError(
        columns
          ? `the backup's table ${table.name} has columns the schema its migrations create here lacks (${missing.join(', ')})`
          : `the backup's table ${table.name} is not in the schema its migrations create here`,
      );
    }
  }
}

async function loadTables(
  client: pg.ClientBase,
  file: string,
  manifest: BackupManifest,
  signal: AbortSignal | undefined,
): Promise<number> {
  let rows = 0;
  let index = 0;
  for await (const section of readBackupSections(file)) {
    if (section.kind === 'manifest') break;
    const table = manifest.tables[index++];
    if (table?.name !== section.name) throw new Error('the backup file changed while restoring');
    const digest = new TableDigest();
    await setUserTriggers(client, table.name, false);
    const copy = copyTableIn(client, table);
    await pipeline(Readable.from(digesting(section.chunks, digest)), copy, { signal });
    await setUserTriggers(client, table.name, true);
    digest.expect(table);
    rows += copy.rowCount;
  }
  return rows;
}

async function* digesting(chunks: AsyncIterable<Buffer>, digest: TableDigest) {
  for await (const chunk of chunks) {
    digest.add(chunk);
    yield chunk;
  }
}
