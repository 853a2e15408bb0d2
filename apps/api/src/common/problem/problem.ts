import { HttpException, HttpStatus } from '@nestjs/common';
import type { Problem, ProblemFieldError } from '@bearing/contracts';

/** Problem type URIs are stable identifiers under Bearing's docs, one per kind of failure. */
export const PROBLEM_TYPE_BASE = 'https://bearing.dev/problems/';

/**
 * An error that already knows its RFC 9457 shape. Services throw it (or one of Nest's
 * HttpExceptions) and the ProblemFilter writes it as `application/problem+json`.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: Omit<Problem, 'type'> & { type?: string }) {
    super(problem.title, problem.status);
  }

  static validation(errors: ProblemFieldError[], detail = 'The request has invalid fields.') {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}validation`,
      title: 'Invalid request',
      status: HttpStatus.BAD_REQUEST,
      detail,
      errors,
    });
  }
}
