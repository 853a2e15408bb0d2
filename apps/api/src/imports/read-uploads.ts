import { isDeepStrictEqual } from 'node:util';
import type { ImportUploadFields } from '@bearing/contracts';
import type { ImportFile } from './import-file.js';

/** How long a file read at upload waits for its queued job in this process. */
const KEEP_MS = 60_000;
/** The most issues held here at once; a file beyond that is read again by its job. */
const MAX_ISSUES_HELD = 100_000;

type Held = { file: ImportFile; fields: unknown; timeZone: string; expiry: NodeJS.Timeout };

/**
 * Files read while their upload request waited, handed to their queued job when the same process
 * runs it — most often at once, as the queue wakes its worker on enqueue — so a large export is
 * parsed once, not twice. A job run by another process (or after a restart, or once `KEEP_MS`
 * passed) finds nothing here and reads the stored upload, as it always could. Only a file read
 * with the same format, mapping and team time zone is handed over.
 */
export class ReadUploads {
  private readonly held = new Map<string, Held>();
  private issuesHeld = 0;

  keep(importJobId: string, file: ImportFile, fields: ImportUploadFields, timeZone: string): void {
    if (this.issuesHeld + file.items.length > MAX_ISSUES_HELD) return;
    const expiry = setTimeout(() => this.take(importJobId), KEEP_MS);
    expiry.unref();
    // As the job's payload will carry them: through JSON (and jsonb, which orders keys its way).
    const asSent: unknown = JSON.parse(JSON.stringify(fields));
    this.held.set(importJobId, { file, fields: asSent, timeZone, expiry });
    this.issuesHeld += file.items.length;
  }

  /** The file read for the job, if this process still holds it; either way it is let go. */
  take(
    importJobId: string,
    fields?: ImportUploadFields,
    timeZone?: string,
  ): ImportFile | undefined {
    const held = this.held.get(importJobId);
    if (!held) return undefined;
    this.held.delete(importJobId);
    this.issuesHeld -= held.file.items.length;
    clearTimeout(held.expiry);
    const same = isDeepStrictEqual(held.fields, fields) && held.timeZone === timeZone;
    return same ? held.file : undefined;
  }

  clear(): void {
    for (const id of [...this.held.keys()]) this.take(id);
  }
}
