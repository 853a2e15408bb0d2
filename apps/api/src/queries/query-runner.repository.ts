import type { DataSource } from 'typeorm';

/**
 * Runs one compiled query of the query language: in a READ ONLY transaction (it can change
 * nothing, whatever it says) with a statement timeout, so a heavy query stops instead of
 * holding a connection. The SQL comes from the compiler, never from the query's text.
 */
export async function runReadOnlyQuery(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  timeoutMs: number,
): Promise<Record<string, unknown>[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    // SET LOCAL takes no parameters; the value is a whole number the server chose.
    await manager.query(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
    const rows: Record<string, unknown>[] = await manager.query(sql, parameters);
    return rows;
  });
}
