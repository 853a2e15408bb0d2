import { ProblemException } from './problem.js';

/**
 * The 409 `stale-version` problem: the client edited a version of a record other than the one
 * stored (optimistic concurrency). `record` names it as a user would ("team", "review
 * settings"), so the message says what to reload.
 */
export function staleVersion(record: string, stored: number, sent: number): ProblemException {
  return ProblemException.conflict(
    'stale-version',
    `You edited version ${sent} of the ${record}, but it has changed since: the stored version is ${stored}. Reload and try again.`,
  );
}

/** Throws `staleVersion` unless the client sent the stored version. */
export function assertVersion(record: string, stored: number, sent: number): void {
  if (stored !== sent) throw staleVersion(record, stored, sent);
}
