import type { DataSource } from 'typeorm';

/**
 * Any constant works as long as every Bearing process uses the same one: it names the
 * advisory lock that serialises migrations when several API processes start at once (a restore
 * holds it too while it fills the database, see backup/restore-backup.ts).
 */
export const MIGRATION_LOCK_KEY = 7_366_504_711;

/**
 * Runs pending migrations while holding a session-level Postgres advisory lock, so that of
 * several processes starting together exactly one migrates and the others wait, then find
 * nothing left to do. Returns the names of the migrations this process applied.
 */
export async function runMigrationsWithLock(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await queryRunner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await queryRunner.release();
  }
}

/** How many migrations the code knows and how many of them the database has applied. */
export async function migrationStatus(
  dataSource: DataSource,
): Promise<{ applied: number; pending: number }> {
  const known = dataSource.migrations.map((migration) => migration.name);
  const rows: { name: string }[] = await dataSource.query(
    `SELECT name FROM "migrations" WHERE name = ANY($1)`,
    [known],
  );
  return { applied: rows.length, pending: known.length - rows.length };
}
