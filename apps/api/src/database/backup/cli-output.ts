import { ConfigError } from '../../config/config.js';

/** Output of the backup and restore commands: results on stdout, one line per failure on stderr. */
export function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return `configuration error — ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Aborted by the first SIGINT or SIGTERM (Ctrl-C): the command stops and writes nothing. */
export function abortOnSignal(): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return controller.signal;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
