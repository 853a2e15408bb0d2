import { createHash } from 'node:crypto';
import { DamagedBackupError } from './backup-errors.js';
import type { BackupTable } from './backup-manifest.js';

const NEWLINE = 0x0a;

/**
 * SHA-256 and row count of one table's COPY data, fed chunk by chunk as it streams. In COPY's
 * text format every row ends with a newline and a newline inside a value is written `\n`, so
 * newlines count rows.
 */
export class TableDigest {
  private readonly hash = createHash('sha256');
  private rows = 0;

  add(chunk: Buffer): void {
    this.hash.update(chunk);
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) {
      this.rows++;
    }
  }

  finish(): { rows: number; sha256: string } {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }

  /** Throws unless the data read is exactly the data the manifest describes. */
  expect(table: BackupTable): void {
    const { rows, sha256 } = this.finish();
    if (sha256 !== table.sha256 || rows !== table.rows) {
      throw new DamagedBackupError(`the data of table ${table.name} does not match its checksum`);
    }
  }
}
