import { jest } from '@jest/globals';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

/**
 * The SQL statements the API sends through TypeORM (every read and write of the application
 * goes through it) while `action` runs. Work of the job queue, which has its own pool, is not
 * seen; a test still filters the statements by the tables it is about.
 */
export async function statementsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await action();
    return spy.mock.calls.map(([sql]) => sql);
  } finally {
    spy.mockRestore();
  }
}

/** Statements that name `table` (as TypeORM and the repositories quote it, or bare). */
export function naming(statements: readonly string[], table: string): string[] {
  const pattern = new RegExp(`(^|[^\\w"])"?${table}"?([^\\w"]|$)`);
  return statements.filter((sql) => pattern.test(sql));
}
