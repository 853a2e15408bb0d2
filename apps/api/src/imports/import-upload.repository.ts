import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGunzip, createZstdCompress, createZstdDecompress } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The uploads of queued imports (table `import_upload`) go in and out of PostgreSQL as streams —
 * COPY in binary format — between the temporary file and the table: a 60 MB export never sits
 * in the server's memory as one buffer, let alone as the hex text a bytea query would return.
 * The content is compressed with zstd (level 1) on the way in: a Jira export shrinks about
 * twelvefold, so PostgreSQL writes (and logs) a twelfth of it instead of compressing it itself,
 * which costs more. zstd's fastest level takes about a third of the CPU of gzip's for a smaller
 * result, and the upload is compressed while the file is read and checked. Uploads stored gzipped
 * or uncompressed before read back as they are.
 */

/** `PGCOPY\n\377\r\n\0`: the start of every binary COPY stream. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_LENGTH = SIGNATURE.length + 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first bytes of every gzip stream (RFC 1952); no JSON or CSV export starts with them. */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** The first bytes of every zstd frame (RFC 8878), little-endian 0xFD2FB528. */
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const MAGIC_LENGTH = Math.max(GZIP_MAGIC.length, ZSTD_MAGIC.length);

/** Stores the file at `path` as the upload of `importJobId`, in `manager`'s transaction. */
export async function storeUpload(
  manager: EntityManager,
  importJobId: string,
  path: string,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('storeUpload runs inside a transaction');
  const client = (await runner.connect()) as pg.PoolClient;
  // Binary COPY states a field's length first: the compressed file is written beside the upload.
  const compressed = `${path}.zst`;
  try {
    await pipeline(
      createReadStream(path, { highWaterMark: 1 << 20 }),
      createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 1 } }),
      createWriteStream(compressed, { mode: 0o600 }),
    );
    const { size } = await stat(compressed);
    const fields = Buffer.alloc(2 + 4 + 16 + 4);
    fields.writeInt16BE(2, 0);
    fields.writeInt32BE(16, 2);
    Buffer.from(uuidOf(importJobId).replaceAll('-', ''), 'hex').copy(fields, 6);
    fields.writeInt32BE(size, 22);
    async function* rows() {
      yield Buffer.concat([SIGNATURE, Buffer.alloc(8), fields]);
      yield* createReadStream(compressed);
      yield Buffer.from([0xff, 0xff]);
    }
    await pipeline(
      Readable.from(rows()),
      client.query(
        copyFrom('COPY import_upload (import_job_id, content) FROM STDIN WITH (FORMAT binary)'),
      ),
    );
  } finally {
    await rm(compressed, { force: true });
  }
}

/**
 * Writes the upload of `importJobId` to a new file at `path`; false when there is none (the
 * import ended and let go of it).
 */
export async function restoreUpload(
  dataSource: DataSource,
  importJobId: string,
  path: string,
): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    const content = new FirstFieldOfCopy();
    await pipeline(
      client.query(
        copyTo(
          `COPY (SELECT content FROM import_upload WHERE import_job_id = '${uuidOf(importJobId)}') TO STDOUT WITH (FORMAT binary)`,
        ),
      ),
      content,
      new Decompressed(),
      createWriteStream(path, { mode: 0o600 }),
    );
    return content.found;
  } finally {
    await runner.release();
  }
}

/** Ids are inlined in COPY (it takes no parameters): only a well-formed UUID gets there. */
function uuidOf(id: string): string {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return id.toLowerCase();
}

/**
 * Reads a binary COPY stream of one-column rows and passes on the bytes of the first row's
 * field: the header, the row and field lengths and the trailer are dropped (PostgreSQL, "COPY —
 * Binary Format").
 */
class FirstFieldOfCopy extends Transform {
  found = false;
  private pending = Buffer.alloc(0);
  private state: 'header' | 'extension' | 'row' | 'length' | 'field' | 'rest' = 'header';
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    for (;;) {
      if (this.state === 'rest') break;
      if (this.state === 'field') {
        // The field's bytes; what follows them (the trailer) is dropped.
        const part = data.subarray(0, this.remaining);
        if (part.length > 0) this.push(part);
        this.remaining -= part.length;
        if (this.remaining === 0) this.state = 'rest';
        break;
      }
      const need = { header: HEADER_LENGTH, extension: this.remaining, row: 2, length: 4 }[
        this.state
      ];
      if (data.length < need) {
        this.pending = Buffer.from(data);
        break;
      }
      if (this.state === 'header') {
        if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
          done(new Error('not a binary COPY stream'));
          return;
        }
        this.remaining = data.readUInt32BE(SIGNATURE.length + 4);
        this.state = 'extension';
      } else if (this.state === 'extension') {
        this.state = 'row';
      } else if (this.state === 'row') {
        // -1 is the trailer: no row at all.
        this.state = data.readInt16BE(0) === -1 ? 'rest' : 'length';
      } else {
        this.remaining = Math.max(0, data.readInt32BE(0));
        this.found = true;
        this.state = 'field';
      }
      data = data.subarray(need);
    }
    done();
  }
}

/**
 * Passes a zstd or gzip stream on decompressed, anything else (an upload stored uncompressed)
 * as it is.
 */
class Decompressed extends Transform {
  private inner: Transform | null | undefined;
  private head = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.inner === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < MAGIC_LENGTH) return done();
      chunk = this.head;
      this.head = Buffer.alloc(0);
      this.inner = decompressorFor(chunk);
      if (this.inner) {
        this.inner.on('data', (data: Buffer) => this.push(data));
        this.inner.on('error', (error) => this.destroy(error));
      }
    }
    if (!this.inner) {
      this.push(chunk);
      return done();
    }
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    if (this.inner === undefined) {
      // Shorter than a magic number: stored as it is.
      if (this.head.length > 0) this.push(this.head);
      return done();
    }
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }
}

function decompressorFor(start: Buffer): Transform | null {
  if (start.subarray(0, ZSTD_MAGIC.length).equals(ZSTD_MAGIC)) return createZstdDecompress();
  if (start.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) return createGunzip();
  return null;
}

/** Deletes the uploads of imports that have ended without taking theirs along. */
export async function deleteUploadsOfEndedImports(manager: EntityManager): Promise<number> {
  const [, deleted] = await manager.query<[unknown, number]>(
    `DELETE FROM import_upload upload USING import_job job
      WHERE job.id = upload.import_job_id AND job.status IN ('completed', 'failed')`,
  );
  return deleted;
}

/** Deletes the upload of an import (it has ended, so it never reads the file again). */
export async function deleteUpload(manager: EntityManager, importJobId: string): Promise<void> {
  await manager.query(`DELETE FROM import_upload WHERE import_job_id = $1`, [importJobId]);
}
