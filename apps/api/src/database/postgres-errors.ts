import { QueryFailedError } from 'typeorm';

/** SQLSTATE 23505: a unique constraint refused the write (e.g. a race for the same slug). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === '23505'
  );
}
