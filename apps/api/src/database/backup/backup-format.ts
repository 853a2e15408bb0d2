import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DamagedBackupError, RestoreRefusedError } from './backup-errors.js';

/**
 * The byte layout of a Bearing backup file (docs/operations.md describes it for people).
 *
 * The file is one gzip stream. Inside it: the magic line `bearing-backup 1\n` (format name and
 * version), then frames of `kind` (1 ASCII byte), `length` (unsigned 32-bit big-endian) and
 * `length` bytes of payload:
 *
 * - `T` — a table starts; the payload is its name (UTF-8).
 * - `D` — a piece of that table's data in PostgreSQL's COPY text format (one row per line).
 * - `M` — the manifest (UTF-8 JSON, see backup-manifest.ts); always the last frame.
 *
 * Lengths make the stream self-delimiting without scanning the data, and gzip's CRC-32 covers
 * every byte: a truncated or altered file fails to decompress, and the manifest's SHA-256 per
 * table catches anything that gets past that.
 */
const FORMAT_NAME = 'bearing-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MAGIC = Buffer.from(`${FORMAT_NAME} ${BACKUP_FORMAT_VERSION}\n`, 'utf8');

export const FRAME = { table: 0x54, data: 0x44, manifest: 0x4d } as const; // 'T', 'D', 'M'
export type FrameKind = (typeof FRAME)[keyof typeof FRAME];

const HEADER_BYTES = 5;
/** Writers split data into frames of at most this size, so a reader holds little at a time. */
export const MAX_DATA_FRAME_BYTES = 1024 * 1024;
/** Anything longer is a damaged length, not a frame (the manifest is the largest, a few KB). */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** The frame header; the payload follows it as a separate buffer, so data is never copied. */
export function frameHeader(kind: FrameKind, length: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header[0] = kind;
  header.writeUInt32BE(length, 1);
  return header;
}

export function frame(kind: FrameKind, payload: Buffer): Buffer[] {
  return [frameHeader(kind, payload.length), payload];
}

export type BackupSection =
  | { kind: 'table'; name: string; chunks: AsyncIterable<Buffer> }
  | { kind: 'manifest'; json: string };

/**
 * Reads a backup file section by section, streaming: each table's `chunks` must be consumed
 * before the next section is asked for. The manifest section comes last. Anything that does
 * not follow the layout — including gzip's own checks failing — is a `DamagedBackupError`.
 */
export async function* readBackupSections(file: string): AsyncGenerator<BackupSection> {
  // pipeline() passes a read error (a missing file) on to the gunzip stream read below.
  const gunzip = pipeline(createReadStream(file), createGunzip({ chunkSize: 64 * 1024 }), () => {});
  const source = new FrameSource(gunzip);
  try {
    await readMagic(source);
    for (;;) {
      const next = await source.nextFrame();
      if (!next) throw new DamagedBackupError('it ends before its manifest');
      if (next.kind === FRAME.table) {
        yield { kind: 'table', name: next.payload.toString('utf8'), chunks: source.dataFrames() };
        await source.skipDataFrames();
      } else if (next.kind === FRAME.manifest) {
        if (await source.nextFrame()) throw new DamagedBackupError('data after the manifest');
        yield { kind: 'manifest', json: next.payload.toString('utf8') };
        return;
      } else {
        throw new DamagedBackupError(`unexpected frame ${String.fromCharCode(next.kind)}`);
      }
    }
  } finally {
    source.close();
  }
}

async function readMagic(source: FrameSource): Promise<void> {
  const magic = await source.readBytes(MAGIC.length);
  if (magic?.equals(MAGIC)) return;
  const line = magic?.toString('utf8') ?? '';
  if (line.startsWith(`${FORMAT_NAME} `)) {
    throw new RestoreRefusedError(
      `the backup is in format ${line.slice(FORMAT_NAME.length + 1).trim()}, newer than this ` +
        `Bearing reads (format ${BACKUP_FORMAT_VERSION}): restore it with a newer Bearing`,
    );
  }
  throw new DamagedBackupError('it is not a Bearing backup');
}

type Frame = { kind: number; payload: Buffer };

/** Frames out of a byte stream, with one frame of look-ahead. */
class FrameSource {
  private readonly chunks: AsyncIterator<Buffer>;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private peeked: Frame | undefined;

  constructor(private readonly stream: Readable) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  async nextFrame(): Promise<Frame | undefined> {
    if (this.peeked) {
      const frame = this.peeked;
      this.peeked = undefined;
      return frame;
    }
    const header = await this.readBytes(HEADER_BYTES);
    if (!header) return undefined;
    const length = header.readUInt32BE(1);
    if (length > MAX_FRAME_BYTES) throw new DamagedBackupError(`a frame claims ${length} bytes`);
    const payload = length === 0 ? Buffer.alloc(0) : await this.readBytes(length);
    if (!payload) throw new DamagedBackupError('it ends in the middle of a frame');
    return { kind: header[0] ?? 0, payload };
  }

  /** The payloads of the `D` frames that follow, stopping before any other frame. */
  async *dataFrames(): AsyncGenerator<Buffer> {
    for (;;) {
      const next = await this.nextFrame();
      if (!next) return;
      if (next.kind !== FRAME.data) {
        this.peeked = next;
        return;
      }
      yield next.payload;
    }
  }

  /** Skips what a consumer left unread of a table's data. */
  async skipDataFrames(): Promise<void> {
    for await (const _ of this.dataFrames()) continue;
  }

  /** Exactly `count` bytes; `undefined` at a clean end of stream, an error at a ragged one. */
  async readBytes(count: number): Promise<Buffer | undefined> {
    while (this.bufferedBytes < count) {
      const next = await this.pull();
      if (next.done) {
        if (this.bufferedBytes === 0) return undefined;
        throw new DamagedBackupError('it ends in the middle of a frame');
      }
      this.buffered.push(next.value);
      this.bufferedBytes += next.value.length;
    }
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const bytes = all.subarray(0, count);
    const rest = all.subarray(count);
    this.buffered = rest.length ? [rest] : [];
    this.bufferedBytes = rest.length;
    return bytes;
  }

  private async pull(): Promise<IteratorResult<Buffer>> {
    try {
      return await this.chunks.next();
    } catch (error) {
      // zlib's Z_BUF_ERROR is "unexpected end of file"; Z_DATA_ERROR "incorrect data check",
      // "invalid block type", …; anything else (a file that cannot be read) stays as it is.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('Z_')) throw error;
      throw new DamagedBackupError(`it does not decompress: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.stream.destroy();
  }
}
