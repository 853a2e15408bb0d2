/**
 * Rows in PostgreSQL's binary COPY format (PostgreSQL, "COPY — File Formats — Binary Format"):
 * every field is its length and its bytes, so no value is ever escaped — a title holding tabs,
 * newlines, backslashes or quotes goes in byte for byte — and the server parses no text (no
 * timestamp, number or uuid literal) on the way in.
 */

/** The column types an import stages; each is sent in the type's binary `send` format. */
export type CopyType =
  'uuid' | 'text' | 'float8' | 'int2' | 'int4' | 'int4[]' | 'bool' | 'timestamptz';
export type CopyValue = string | number | boolean | readonly (number | null)[] | null;

/** `PGCOPY\n\377\r\n\0`, then flags (none) and the header extension length (none). */
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** -1 as the row's field count: the end of the data. */
const TRAILER = Buffer.from([0xff, 0xff]);
/** Timestamps are microseconds since 2000-01-01 00:00 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;
/** The type oid of `int4`, which a binary `int4[]` names for its elements. */
const INT4_OID = 23;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHUNK_BYTES = 256 * 1024;

/**
 * Encodes `rows` (each one value per type of `types`, `null` for NULL) as a binary COPY stream,
 * in chunks of about 256 kB — the rows are never all in memory as bytes. Instants are ISO-8601
 * strings with at most millisecond precision, as the import readers write them.
 */
export function* binaryCopyRows(
  types: readonly CopyType[],
  rows: Iterable<readonly CopyValue[]>,
): Generator<Buffer> {
  const out = new ChunkWriter();
  out.bytes(HEADER);
  for (const row of rows) {
    if (row.length !== types.length) {
      throw new Error(`a COPY row has ${row.length} values for ${types.length} columns`);
    }
    out.int16(types.length);
    for (let index = 0; index < types.length; index++) out.field(types[index]!, row[index] ?? null);
    if (out.full) yield out.take();
  }
  out.bytes(TRAILER);
  yield out.take();
}

class ChunkWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;
  /** The last uuid written and its bytes: a history's rows repeat their item's id. */
  private lastUuid = '';
  private readonly lastUuidBytes = Buffer.alloc(16);

  get full(): boolean {
    return this.length >= CHUNK_BYTES - 1024;
  }

  take(): Buffer {
    const chunk = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.length = 0;
    return chunk;
  }

  bytes(bytes: Buffer): void {
    this.reserve(bytes.length);
    this.length += bytes.copy(this.buffer, this.length);
  }

  int16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  field(type: CopyType, value: CopyValue): void {
    if (value === null) {
      this.reserve(4);
      this.length = this.buffer.writeInt32BE(-1, this.length);
      return;
    }
    switch (type) {
      case 'text': {
        const text = expect(value, 'string', type);
        const size = Buffer.byteLength(text, 'utf8');
        this.reserve(4 + size);
        this.length = this.buffer.writeInt32BE(size, this.length);
        this.length += this.buffer.write(text, this.length, size, 'utf8');
        return;
      }
      case 'uuid': {
        const uuid = expect(value, 'string', type);
        if (uuid !== this.lastUuid) {
          if (!UUID.test(uuid)) throw new Error(`not a uuid: ${uuid}`);
          this.lastUuidBytes.write(uuid.replaceAll('-', ''), 0, 16, 'hex');
          this.lastUuid = uuid;
        }
        this.reserve(20);
        this.length = this.buffer.writeInt32BE(16, this.length);
        this.length += this.lastUuidBytes.copy(this.buffer, this.length);
        return;
      }
      case 'float8':
        this.reserve(12);
        this.length = this.buffer.writeInt32BE(8, this.length);
        this.length = this.buffer.writeDoubleBE(expect(value, 'number', type), this.length);
        return;
      case 'int2':
        this.reserve(6);
        this.length = this.buffer.writeInt32BE(2, this.length);
        this.length = this.buffer.writeInt16BE(expect(value, 'number', type), this.length);
        return;
      case 'int4[]':
        this.int4Array(value, type);
        return;
      case 'int4':
        this.reserve(8);
        this.length = this.buffer.writeInt32BE(4, this.length);
        this.length = this.buffer.writeInt32BE(expect(value, 'number', type), this.length);
        return;
      case 'bool':
        this.reserve(5);
        this.length = this.buffer.writeInt32BE(1, this.length);
        this.length = this.buffer.writeUInt8(expect(value, 'boolean', type) ? 1 : 0, this.length);
        return;
      case 'timestamptz': {
        const instant = expect(value, 'string', type);
        const ms = Date.parse(instant);
        if (!Number.isFinite(ms)) throw new Error(`not an instant: ${instant}`);
        // Microseconds fit a double exactly for any date a reader accepts; written as the high
        // (signed) and low (unsigned) halves of the int64.
        const micros = (ms - POSTGRES_EPOCH_MS) * 1000;
        const high = Math.floor(micros / TWO_TO_32);
        this.reserve(12);
        this.length = this.buffer.writeInt32BE(8, this.length);
        this.length = this.buffer.writeInt32BE(high, this.length);
        this.length = this.buffer.writeUInt32BE(micros - high * TWO_TO_32, this.length);
        return;
      }
    }
  }

  /**
   * A one-dimensional `int4[]` (lower bound 1) as `array_send` writes it: dimensions, whether it
   * holds NULLs, the element type, the dimension's size and lower bound, then each element as a
   * field. An empty array has no dimension.
   */
  private int4Array(value: CopyValue, type: CopyType): void {
    if (!Array.isArray(value)) throw new Error(`a ${type} COPY field got ${typeof value}`);
    const values = value as readonly (number | null)[];
    const header = values.length === 0 ? 12 : 20;
    const size = header + values.reduce<number>((sum, item) => sum + (item === null ? 4 : 8), 0);
    this.reserve(4 + size);
    this.length = this.buffer.writeInt32BE(size, this.length);
    this.length = this.buffer.writeInt32BE(values.length === 0 ? 0 : 1, this.length);
    this.length = this.buffer.writeInt32BE(values.includes(null) ? 1 : 0, this.length);
    this.length = this.buffer.writeInt32BE(INT4_OID, this.length);
    if (values.length === 0) return;
    this.length = this.buffer.writeInt32BE(values.length, this.length);
    this.length = this.buffer.writeInt32BE(1, this.length);
    for (const item of values) {
      if (item === null) {
        this.length = this.buffer.writeInt32BE(-1, this.length);
      } else {
        this.length = this.buffer.writeInt32BE(4, this.length);
        this.length = this.buffer.writeInt32BE(item, this.length);
      }
    }
  }

  /** Makes room for `size` more bytes: a longer chunk for a field larger than a chunk. */
  private reserve(size: number): void {
    if (this.length + size <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + size));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

function expect<T extends 'string' | 'number' | 'boolean'>(
  value: CopyValue,
  kind: T,
  type: CopyType,
): T extends 'string' ? string : T extends 'number' ? number : boolean {
  if (typeof value !== kind) throw new Error(`a ${type} COPY field got ${typeof value}`);
  return value as never;
}
