import type { EntityManager } from 'typeorm';

/**
 * pg-boss's database interface over a transaction: a job sent through it is inserted by that
 * transaction, so it exists once the transaction commits and not at all if it rolls back — no
 * window in which the work is recorded but its job was never queued, or the reverse.
 */
export function queueDatabaseIn(manager: EntityManager): {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
} {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('a job is enqueued in a transaction only inside one');
  return {
    executeSql: async (text, values) => ({
      rows: (await runner.query(text, values, true)).records,
    }),
  };
}
