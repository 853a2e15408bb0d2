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

/**
 * After a query failed on its data (an overflow, a date out of range), finds where: runs
 * `statements` in order — each computes one operation of the query alone, with the query's
 * parameters — in one READ ONLY transaction, each under a savepoint, within `budgetMs` in all.
 * Returns the index of the first one whose failure `isSame` recognizes, or undefined (none did,
 * or the budget ran out).
 */
export async function firstFailing(
  dataSource: DataSource,
  statements: readonly string[],
  parameters: unknown[],
  budgetMs: number,
  isSame: (error: unknown) => boolean,
): Promise<number | undefined> {
  const deadline = performance.now() + budgetMs;
  return dataSource.transaction(async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    for (const [index, sql] of statements.entries()) {
      const left = Math.trunc(deadline - performance.now());
      if (left <= 0) return undefined;
      await manager.query(`SET LOCAL statement_timeout = ${left}`);
      await manager.query('SAVEPOINT "diagnosis"');
      try {
        await manager.query(sql, parameters);
        await manager.query('RELEASE SAVEPOINT "diagnosis"');
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT "diagnosis"');
        if (isSame(error)) return index;
      }
    }
    return undefined;
  });
}
