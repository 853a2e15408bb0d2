import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * PostgreSQL advisory locks, which serialise work that spans several processes (first start,
 * demo seeding, edits of a tree). Every Bearing process must use the same key for the same work.
 */

/** Waits for the lock on `key`, held until the caller's transaction ends. */
export async function lockForTransaction(manager: EntityManager, key: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
}

/** The same for a lock named by text (hashed to a key by PostgreSQL). */
export async function lockNameForTransaction(manager: EntityManager, name: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [name]);
}

/**
 * Takes the lock on `key` for the connection's session if no one holds it; `false` when another
 * session does. Release it with `unlockForSession` on the same connection.
 */
export async function tryLockForSession(runner: QueryRunner, key: number): Promise<boolean> {
  const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [key])) as {
    locked: boolean;
  }[];
  return row?.locked === true;
}

export async function unlockForSession(runner: QueryRunner, key: number): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1)', [key]);
}
