import { isServerClosingConnection } from './postgres-errors.js';

/**
 * Keeps the process running when the server's word that it closed a connection
 * (`isServerClosingConnection`) reaches a `pg` client that has no `'error'`
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
    if (isServerClosingConnection(error)) {
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
