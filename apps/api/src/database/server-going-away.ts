/**
 * SQLSTATEs a PostgreSQL server sends its connections as it goes away: shut down by an
 * administrator or a terminated backend (57P01), after a crash of another backend (57P02), or
 * not accepting connections yet (57P03).
 */
const GOING_AWAY = new Set(['57P01', '57P02', '57P03']);

/** What `pg` says when the server closed a connection its client did not end. */
const CLOSED_UNEXPECTEDLY = 'Connection terminated unexpectedly';

/**
 * Whether `error` tells that the server closed the connection it came on: the server's own
 * message that it is going away, or, once the socket has closed, `pg`'s word for it.
 */
export function isServerGoingAway(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.message === CLOSED_UNEXPECTEDLY) return true;
  // By shape, not `instanceof`: a library may bring its own copy of `pg`.
  const code = (error as { code?: unknown }).code;
  return 'severity' in error && typeof code === 'string' && GOING_AWAY.has(code);
}

/**
 * Keeps the process running when such a message reaches a `pg` client that has no `'error'`
 * listener, instead of crashing it as an uncaught exception. `pg` emits a server's message on a
 * client with no query running as an `'error'` event, even while the client is ending, and a
 * library may leave a connected client without a listener: pg-boss 12.38 removes every listener
 * of its LISTEN client before ending it, so a database that dies or restarts at that moment
 * (the embedded one is restarted by Bearing) crashed the process. The connection is dead
 * either way and its owner reconnects; nothing else is left half-done. Any other uncaught
 * exception ends the process as Node's default does: its stack on stderr, exit code 1.
 */
export function surviveServerGoingAway(log: (message: string) => void): void {
  process.on('uncaughtException', (error, origin) => {
    if (isServerGoingAway(error)) {
      log(
        `A database connection was closed by the server (${error.message}); it is not used again.`,
      );
      return;
    }
    process.stderr.write(
      `${origin === 'unhandledRejection' ? 'Unhandled rejection: ' : ''}${
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      }\n`,
    );
    process.exit(1);
  });
}
