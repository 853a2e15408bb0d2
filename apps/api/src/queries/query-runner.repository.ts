import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one compiled query of the query language: in a READ ONLY transaction (it can change
 * nothing, whatever it says) with a statement timeout, so a heavy query stops instead of
 * holding a connection. The SQL comes from the compiler, never from the query's text.
 * `prepare` runs first in the same transaction (and under the same timeout): it loads the rows
 * computed in TypeScript that the statement reads from its parameters.
 */
export async function runReadOnlyQuery(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  timeoutMs: number,
  prepare?: (manager: EntityManager) => Promise<void>,
): Promise<Record<string, unknown>[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    // SET LOCAL takes no parameters; the value is a whole number the server chose.
    await manager.query(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
    if (prepare) await prepare(manager);
    const rows: Record<string, unknown>[] = await manager.query(sql, parameters);
    return rows;
  });
}
