/**
 * A reason not to restore a file, known before anything is written: the command prints its
 * message as one line and exits 1.
 */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** A file that is not a whole, unaltered Bearing backup. */
export class DamagedBackupError extends RestoreRefusedError {
  constructor(detail: string) {
    super(`the backup file is damaged or incomplete (${detail})`);
    this.name = 'DamagedBackupError';
  }
}
