import { HttpException, HttpStatus } from '@nestjs/common';
import type { Problem, ProblemFieldError } from '@bearing/contracts';

/** Problem type URIs are stable identifiers under Bearing's docs, one per kind of failure. */
export const PROBLEM_TYPE_BASE = 'https://bearing.dev/problems/';

/** An embedded PostgreSQL restarts within a few seconds; see database/cluster-supervisor.ts. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

type ProblemInit = Omit<Problem, 'type'> & { type?: string };

/**
 * An error that already knows its RFC 9457 shape. Services throw it (or one of Nest's
 * HttpExceptions) and the ProblemFilter writes it as `application/problem+json`.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemInit,
    /** Response headers that belong to the failure, such as `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
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

  /** RFC 9110 asks a 401 to name a scheme; browsers show no login prompt for `Bearer`. */
  static unauthorized(detail = 'Sign in first, or send a valid API token.') {
    return new ProblemException(
      {
        type: `${PROBLEM_TYPE_BASE}unauthorized`,
        title: 'Unauthorized',
        status: HttpStatus.UNAUTHORIZED,
        detail,
      },
      { 'WWW-Authenticate': 'Bearer realm="Bearing"' },
    );
  }

  static forbidden(detail: string) {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}forbidden`,
      title: 'Forbidden',
      status: HttpStatus.FORBIDDEN,
      detail,
    });
  }

  /** Someone else chose the caller's password: they must choose their own before going on. */
  static passwordChangeRequired() {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}password-change-required`,
      title: 'Forbidden',
      status: HttpStatus.FORBIDDEN,
      detail: 'Choose a new password first (POST /api/me/password): this one was set for you.',
    });
  }

  /** The instance requires a second factor of instance admins: the caller must enrol one first. */
  static mfaEnrolmentRequired() {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}mfa-enrolment-required`,
      title: 'Forbidden',
      status: HttpStatus.FORBIDDEN,
      detail:
        'Set up two-factor authentication first (POST /api/me/mfa/totp): this instance requires it of its administrators.',
    });
  }

  static notFound(detail: string) {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}not-found`,
      title: 'Not Found',
      status: HttpStatus.NOT_FOUND,
      detail,
    });
  }

  /** `kind` names the conflict, e.g. `stale-version`, so clients can react without parsing text. */
  static conflict(kind: string, detail: string) {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}${kind}`,
      title: 'Conflict',
      status: HttpStatus.CONFLICT,
      detail,
    });
  }

  /**
   * The database cannot be reached right now (restarting, down, starting up): worth retrying
   * shortly, unlike a 500.
   */
  static databaseUnavailable() {
    return new ProblemException(
      {
        type: `${PROBLEM_TYPE_BASE}database-unavailable`,
        title: 'Service Unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'The database is not reachable right now; try again in a few seconds.',
      },
      { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }

  static tooManyRequests(retryAfterSeconds: number, detail: string) {
    return new ProblemException(
      {
        type: `${PROBLEM_TYPE_BASE}rate-limited`,
        title: 'Too Many Requests',
        status: HttpStatus.TOO_MANY_REQUESTS,
        detail,
      },
      { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    );
  }
}
