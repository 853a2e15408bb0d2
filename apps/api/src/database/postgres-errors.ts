import { QueryFailedError } from 'typeorm';

/** SQLSTATE 23505: a unique constraint refused the write (e.g. a race for the same slug). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown } | undefined)?.code === '23505'
  );
}

/**
 * SQLSTATE 40001 serialization_failure ("could not serialize access due to concurrent update":
 * a repeatable-read transaction wrote or locked a row another transaction changed after its
 * snapshot) or 40P01 deadlock_detected: the transaction lost a race and is worth running again.
 */
export function isSerializationFailure(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * SQLSTATEs of a server that is going away or not back yet: 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now ("the database system is starting up" / "… is
 * shutting down"), and class 08 connection exceptions.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * Whether `error` is a server's word that it closed the connection it came on: a going-away
 * SQLSTATE (57P01–57P03) from the server itself, or `pg`'s "Connection terminated unexpectedly"
 * once the socket has closed. Narrower than `isDatabaseUnavailable`: no socket errors, which
 * any connection (not only a database's) may raise.
 */
export function isServerClosingConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message === 'Connection terminated unexpectedly') return true;
  // By shape, not `instanceof`: a library may bring its own copy of `pg`.
  const code = (error as { code?: unknown }).code;
  return (
    'severity' in error &&
    typeof code === 'string' &&
    code.startsWith('57P') &&
    UNAVAILABLE_SQLSTATES.has(code)
  );
}

/** Socket errors of a server that is down or unreachable. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** What `pg` and `pg-pool` say, without a code, when a connection dies or cannot be made. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

/**
 * Whether `error` means "the database cannot be reached right now" rather than "this request
 * is wrong": PostgreSQL restarting, down or unreachable. Such a failure is worth retrying, so it
 * is answered with 503 and `Retry-After` instead of 500. Looks through TypeORM's
 * `QueryFailedError.driverError`, an `Error.cause` and the attempts of an `AggregateError`
 * (a host name with several addresses).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  }
  if (
    typeof message === 'string' &&
    UNAVAILABLE_MESSAGES.some((known) => message.includes(known))
  ) {
    return true;
  }
  const nested = [
    (error as { driverError?: unknown }).driverError,
    (error as { cause?: unknown }).cause,
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
