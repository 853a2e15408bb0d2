import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@bearing/contracts';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../../database/postgres-errors.js';
import { isUnstorableTextError } from '../validation/unstorable-text-error.js';
import { redactSecretPath } from '../logging/redact-secret-paths.js';
import { NO_SUCH_WORKSPACE } from '../../access/access.guard.js';
import { PROBLEM_TYPE_BASE, ProblemException } from './problem.js';

/**
 * Turns every error into `application/problem+json` (RFC 9457). A database that cannot be
 * reached (restarting, down) is a 503 with `Retry-After`, logged as one warning line. Other
 * unexpected errors are logged with their stack and answered with a bare 500 — no stack trace
 * or message leaves the server. Text the database cannot store (NUL, a lone surrogate) that got
 * past validation is the client's fault, not the server's: a 400, logged as one warning line.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const unavailable = !(thrown instanceof HttpException) && isDatabaseUnavailable(thrown);
    if (unavailable) this.logger.warn(`Database unavailable: ${describe(thrown)}`);
    const unstorable = !(thrown instanceof HttpException) && isUnstorableTextError(thrown);
    if (unstorable) {
      this.logger.warn(`Unstorable text reached the database: ${describe(thrown)}`);
    }
    const exception = unavailable
      ? ProblemException.databaseUnavailable()
      : unstorable
        ? unstorableText()
        : undecodableWorkspace(thrown, request)
          ? ProblemException.notFound(NO_SUCH_WORKSPACE)
          : thrown;
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500 && !unavailable) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) return;
    if (exception instanceof ProblemException) response.set(exception.headers);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): Problem {
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    // A webhook's address holds its secret: the answer does not repeat it.
    const base = {
      instance: redactSecretPath(request.originalUrl),
      ...(requestId ? { requestId } : {}),
    };
    if (exception instanceof ProblemException) {
      return { type: problemType(exception.problem.status), ...base, ...exception.problem };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        type: problemType(status),
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: detailOf(exception),
        ...base,
      };
    }
    // Errors raised by body parsers (malformed JSON, too large) carry an HTTP status of their own.
    const status = statusOfForeignError(exception);
    if (status && status < 500) {
      return {
        type: problemType(status),
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: exception instanceof Error ? exception.message : undefined,
        ...base,
      };
    }
    return { type: problemType(500), title: 'Internal Server Error', status: 500, ...base };
  }
}

const unstorableText = () =>
  new ProblemException({
    type: `${PROBLEM_TYPE_BASE}unstorable-text`,
    title: 'Invalid request',
    status: 400,
    detail: 'The request contains text that cannot be stored: a NUL character or a lone surrogate.',
  });

/**
 * A path parameter that is not valid percent-encoded UTF-8 (`%ED%A0%BD`, a lone surrogate;
 * `%F0%9F`, a cut character) cannot be decoded, which Nest answers with a 400 before any guard
 * runs. In the workspace's place that is a workspace nobody can have: not found, as the access
 * guard answers any other impossible slug. (Other parameters keep their 400.)
 */
function undecodableWorkspace(exception: unknown, request: Request): boolean {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 400) return false;
  if (!exception.message.startsWith('Failed to decode param')) return false;
  const segment = /^\/api\/workspaces\/([^/]+)/.exec(request.path)?.[1];
  if (segment === undefined) return false;
  try {
    decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
}

function problemType(status: number): string {
  return status === 404 ? `${PROBLEM_TYPE_BASE}not-found` : `${PROBLEM_TYPE_BASE}http-${status}`;
}

function detailOf(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

function statusOfForeignError(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const status =
    (exception as { status?: unknown; statusCode?: unknown }).status ??
    (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
