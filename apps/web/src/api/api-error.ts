import type { Problem } from '@bearing/contracts';

/** A non-2xx answer from the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get title(): string {
    return this.problem.title;
  }
}

/** A 2xx answer whose body does not match the contract the client expects. */
export class UnexpectedResponseError extends Error {
  constructor(path: string, reason: string) {
    super(`Unexpected response from ${path}: ${reason}`);
    this.name = 'UnexpectedResponseError';
  }
}
