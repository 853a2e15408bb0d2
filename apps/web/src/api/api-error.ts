import type { Problem } from '@bearing/contracts';

/** A non-2xx answer from the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** From the `Retry-After` header of a 429 (or 503), in seconds, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }

  get title(): string {
    return this.problem.title;
  }

  /** The last segment of the problem `type`, e.g. `stale-version` or `last-admin`. */
  get kind(): string {
    return this.problem.type.split('/').pop() ?? '';
  }

  /** What to tell a person: the server's detail, else its title. */
  get detail(): string {
    return this.problem.detail ?? this.problem.title;
  }
}

/** A 2xx answer whose body does not match the contract the client expects. */
export class UnexpectedResponseError extends Error {
  constructor(path: string, reason: string) {
    super(`Unexpected response from ${path}: ${reason}`);
    this.name = 'UnexpectedResponseError';
  }
}

/** Something to show a person for any error the API client can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof UnexpectedResponseError)
    return 'The server answered in a way this page does not understand; reload, and tell an admin if it persists.';
  return 'The server could not be reached. Check your connection and try again.';
}
