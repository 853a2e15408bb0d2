import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IMPORT_MAX_FILE_BYTES } from '@bearing/contracts';

/** An uploaded file as multer describes it once this storage has written it to disk. */
export type StoredUpload = {
  fieldname: string;
  originalname: string;
  mimetype: string;
  path: string;
  size: number;
};

type IncomingFile = { stream: Readable; originalname: string };
type StorageCallback = (error: Error | null, info?: Partial<StoredUpload>) => void;

/**
 * A multer storage engine that streams the upload straight into a private temporary file, so
 * a 50 MB export never sits in memory: the importer then reads it from disk, piece by piece,
 * and removes it when done.
 */
export class TemporaryFileStorage {
  _handleFile(_request: unknown, file: IncomingFile, callback: StorageCallback): void {
    const target = path.join(tmpdir(), `bearing-import-${randomUUID()}`);
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    pipeline(file.stream, createWriteStream(target, { mode: 0o600 })).then(
      () => callback(null, { path: target, size }),
      (error: Error) => {
        void removeUpload({ path: target });
        callback(error);
      },
    );
  }

  _removeFile(_request: unknown, file: { path?: string }, callback: (error: Error | null) => void) {
    void removeUpload(file).then(() => callback(null));
  }
}

export async function removeUpload(file: { path?: string } | undefined): Promise<void> {
  if (file?.path) await rm(file.path, { force: true }).catch(() => undefined);
}

/**
 * Multer options of the upload route: one `file` part of at most 60 MB and a few small fields.
 * Only this route gets a limit above the 1 MB of JSON bodies elsewhere.
 */
export const IMPORT_UPLOAD_OPTIONS = {
  storage: new TemporaryFileStorage(),
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
