import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { MIGRATION_LOCK_KEY } from '../run-migrations.js';

/**
 * Every SQL statement of backup and restore. Bearing's tables are the tables of the `public`
 * schema, whatever the migrations made them; other schemas (a job queue's) are not Bearing's
 * data. Each function runs on the one connection that holds the backup's or restore's
 * transaction.
 */
export type TableShape = { name: string; columns: string[] };

const SCHEMA = 'public';
const MIGRATIONS_TABLE = 'migrations';

/** A snapshot of the whole database as of its first query, that never blocks a writer. */
export async function beginSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

/** Ends the snapshot; it only read, so committing and rolling back are the same. */
export async function endSnapshot(client: pg.ClientBase): Promise<void> {
  await client.query('COMMIT');
}

/**
 * Fixed output settings for the transaction, so COPY's text is the same whatever the server's
 * or the role's defaults (time zone, date style, float digits): checksums stay comparable.
 */
export async function useCanonicalTextFormat(client: pg.ClientBase): Promise<void> {
  await client.query(`
    SET LOCAL TimeZone = 'UTC';
    SET LOCAL DateStyle = 'ISO, YMD';
    SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL extra_float_digits = 1;
    SET LOCAL bytea_output = 'hex'`);
}

/** Names of Bearing's tables; none means an empty database. */
export async function bearingTableNames(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [SCHEMA],
  );
  return result.rows.map((row) => row.name);
}

/**
 * Bearing's tables with their stored (not generated) columns, every table after the tables
 * its foreign keys point to — the order a restore can load them in.
 */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<TableShape[]> {
  const tables = await client.query<TableShape & { parents: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     AND a.attgenerated = '' ORDER BY a.attnum)::text[] AS columns,
            array(SELECT DISTINCT parent.relname FROM pg_constraint fk
                    JOIN pg_class parent ON parent.oid = fk.confrelid
                   WHERE fk.conrelid = c.oid AND fk.contype = 'f' AND fk.confrelid <> c.oid)::text[] AS parents
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND NOT c.relispartition
      ORDER BY c.relname`,
    [SCHEMA],
  );
  return dependencyOrder(tables.rows).map(({ name, columns }) => ({ name, columns }));
}

/** Kahn's topological sort, alphabetical among tables that are ready at the same time. */
function dependencyOrder<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
  const ordered: T[] = [];
  const placed = new Set<string>();
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.parents.every((parent) => placed.has(parent)));
    if (ready.length === 0) {
      const names = remaining.map((table) => table.name).join(', ');
      throw new Error(`the foreign keys of ${names} form a cycle: no order loads them`);
    }
    for (const table of ready) placed.add(table.name);
    ordered.push(...ready);
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** Names of the applied migrations, in the order they were applied. */
export async function appliedMigrationNames(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query('SELECT to_regclass($1) AS migrations', [
    `${SCHEMA}.${MIGRATIONS_TABLE}`,
  ]);
  if (!(exists.rows[0] as { migrations: string | null }).migrations) return [];
  const result = await client.query<{ name: string }>(
    `SELECT name FROM ${client.escapeIdentifier(MIGRATIONS_TABLE)} ORDER BY id`,
  );
  return result.rows.map((row) => row.name);
}

/** The table's rows in COPY text format, streamed. */
export function copyTableOut(client: pg.ClientBase, table: TableShape): Readable {
  return client.query(copyTo(`COPY ${qualified(client, table)} TO STDOUT`));
}

/** A stream that loads COPY text format into the table; `rowCount` is set once it finishes. */
export function copyTableIn(
  client: pg.ClientBase,
  table: TableShape,
): Writable & { rowCount: number } {
  return client.query(copyFrom(`COPY ${qualified(client, table)} FROM STDIN`));
}

function qualified(client: pg.ClientBase, table: TableShape): string {
  const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(', ');
  return `${client.escapeIdentifier(SCHEMA)}.${client.escapeIdentifier(table.name)} (${columns})`;
}

/**
 * Waits for (and then holds, until the transaction ends) the lock Bearing migrates under, so a
 * Bearing starting during a restore finds the whole restored database, never half of it.
 */
export async function holdMigrationLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
}

/** The migration history the restore's own migrations wrote gives way to the backup's. */
export async function clearMigrationHistory(client: pg.ClientBase): Promise<void> {
  await client.query(`DELETE FROM ${client.escapeIdentifier(MIGRATIONS_TABLE)}`);
}

/**
 * Switches the table's own triggers (not the foreign-key checks) off or on. Restored rows are
 * history and go in as they were: a trigger that guards edits (a published report is frozen)
 * or fills in values must not act on them. Owners may do this; it needs no superuser.
 */
export async function setUserTriggers(
  client: pg.ClientBase,
  table: string,
  enabled: boolean,
): Promise<void> {
  const hasTriggers = await client.query(
    `SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal LIMIT 1`,
    [`${client.escapeIdentifier(SCHEMA)}.${client.escapeIdentifier(table)}`],
  );
  if (!hasTriggers.rowCount) return;
  await client.query(
    `ALTER TABLE ${client.escapeIdentifier(SCHEMA)}.${client.escapeIdentifier(table)} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`,
  );
}

/** Moves every sequence owned by a Bearing column past the largest value restored into it. */
export async function resetSequences(client: pg.ClientBase): Promise<number> {
  const owned = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT s.oid::regclass::text AS sequence, t.oid::regclass::text AS "table", a.attname AS "column"
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND n.nspname = $1`,
    [SCHEMA],
  );
  for (const { sequence, table, column } of owned.rows) {
    await client.query(
      `SELECT setval($1::regclass, coalesce(max(${client.escapeIdentifier(column)}), 0) + 1, false) FROM ${table}`,
      [sequence],
    );
  }
  return owned.rowCount ?? 0;
}
