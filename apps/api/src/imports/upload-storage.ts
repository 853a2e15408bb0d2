import { randomUUID } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_MAX_FILE_BYTES, type ImportUploadFields } from '@bearing/contracts';
import type { GrowthNotice } from './growing-file.js';
import type { ImportReadOutcome } from './import-read.worker.js';

/** An uploaded file as multer describes it once this storage has written it to disk. */
export type StoredUpload = {
  fieldname: string;
  originalname: string;
  mimetype: string;
  path: string;
  size: number;
  /** The reading started while the file was received, with the fields it was started for. */
  readAhead?: StartedRead;
};

export type StartedRead = { fields: ImportUploadFields; reading: Promise<ImportReadOutcome> };

/**
 * Starts reading an upload while it is received, given the form fields sent before the file
 * and the file's path; answers how to report the file's growth, or nothing when it cannot read
 * ahead (the fields are not there yet, or not a format it reads that way).
 */
export type ReadWhileReceiving = (
  fields: unknown,
  path: string,
) => { started: StartedRead; report(notice: GrowthNotice): void } | undefined;

type IncomingFile = { stream: Readable; originalname: string };
type StorageCallback = (error: Error | null, info?: Partial<StoredUpload>) => void;

/** Growth smaller than this is reported with the next piece: fewer wake-ups of the reader. */
const REPORT_BYTES = 256 * 1024;

/**
 * A multer storage engine that streams the upload straight into a private temporary file, so
 * a 50 MB export never sits in memory: the importer then reads it from disk, piece by piece,
 * and removes it when done. With `readWhileReceiving`, the reading starts with the file's first
 * bytes — told of each piece once it is on disk — and runs while the upload arrives.
 */
export class TemporaryFileStorage {
  constructor(private readonly readWhileReceiving?: ReadWhileReceiving) {}

  _handleFile(request: { body?: unknown }, file: IncomingFile, callback: StorageCallback): void {
    const target = path.join(tmpdir(), `${UPLOAD_FILE_PREFIX}${randomUUID()}`);
    this.receive(request.body, file, target).then(
      (info) => callback(null, info),
      (error: Error) => {
        void removeUpload({ path: target });
        callback(error);
      },
    );
  }

  _removeFile(_request: unknown, file: { path?: string }, callback: (error: Error | null) => void) {
    void removeUpload(file).then(() => callback(null));
  }

  private async receive(
    fields: unknown,
    file: IncomingFile,
    target: string,
  ): Promise<Partial<StoredUpload>> {
    const handle = await open(target, 'wx', 0o600);
    const ahead = this.readWhileReceiving?.(fields, target);
    let size = 0;
    let reported = 0;
    try {
      await pipeline(
        file.stream,
        new Writable({
          writev(chunks, done) {
            const pieces = chunks.map(({ chunk }) => chunk as Buffer);
            handle.writev(pieces).then(({ bytesWritten }) => {
              size += bytesWritten;
              if (ahead && size - reported >= REPORT_BYTES) {
                reported = size;
                ahead.report({ written: size });
              }
              done();
            }, done);
          },
        }),
      );
      ahead?.report({ written: size, done: true });
      return { path: target, size, ...(ahead ? { readAhead: ahead.started } : {}) };
    } catch (error) {
      ahead?.report({ failed: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}

/** Temporary files of uploads: received ones, and stored ones restored to be read. */
export const UPLOAD_FILE_PREFIX = 'bearing-import-';

/**
 * Temporary upload files older than this are left over: no upload or read of one lasts that
 * long (an import job times out after an hour).
 */
const STALE_UPLOAD_MS = 6 * 60 * 60 * 1000;

/**
 * Removes temporary upload files a process left behind when it was killed mid-upload or
 * mid-import (an out-of-memory kill, a crash): nothing else would, and each can be 60 MB.
 * Files of uploads in progress — of this process or another sharing the directory — are
 * younger than `STALE_UPLOAD_MS` and stay. Answers how many it removed.
 */
export async function removeStaleUploads(directory = tmpdir(), now = Date.now()): Promise<number> {
  const names = (await readdir(directory)).filter((name) => name.startsWith(UPLOAD_FILE_PREFIX));
  let removed = 0;
  for (const name of names) {
    const file = path.join(directory, name);
    // Another process may remove it meanwhile: then it is not this one's to count.
    const modified = await stat(file).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (modified === undefined || now - modified < STALE_UPLOAD_MS) continue;
    if (
      await rm(file, { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}

export async function removeUpload(file: { path?: string } | undefined): Promise<void> {
  if (file?.path) await rm(file.path, { force: true }).catch(() => undefined);
}

/**
 * Multer options of the upload route: one `file` part of at most 60 MB and a few small fields.
 * Only this route gets a limit above the 1 MB of JSON bodies elsewhere. The storage engine
 * comes from the imports module's multer options (`importUploadStorage`), which can start the
 * reading on the worker pool.
 */
export const IMPORT_UPLOAD_OPTIONS = {
  // Browsers send file names in UTF-8; busboy's default would read them as Latin-1.
  defParamCharset: 'utf8',
  limits: {
    fileSize: IMPORT_MAX_FILE_BYTES,
    files: 1,
    fields: 8,
    fieldSize: 1024 * 1024 + 1024,
    parts: 10,
  },
};
