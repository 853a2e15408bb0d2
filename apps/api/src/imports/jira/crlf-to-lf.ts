import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Turns CRLF line endings into LF on a byte stream. Jira writes its CSV with CRLF, and the CSV
 * parser counts the CR and the LF of a line break inside a quoted field as two lines; with LF
 * only, the line numbers in problem reports match what an editor shows. CR and LF never occur
 * inside a multi-byte UTF-8 sequence, so working on bytes is safe.
 */
export class CrlfToLf extends Transform {
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const parts: Buffer[] = [];
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk[0] !== LF) parts.push(Buffer.from([CR]));
    }
    let cr = chunk.indexOf(CR, start);
    while (cr >= 0) {
      if (cr === chunk.length - 1) {
        parts.push(chunk.subarray(start, cr));
        this.pendingCr = true;
        start = chunk.length;
        break;
      }
      if (chunk[cr + 1] === LF) {
        parts.push(chunk.subarray(start, cr));
        start = cr + 1;
      }
      cr = chunk.indexOf(CR, cr + 1);
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    callback(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pendingCr ? Buffer.from([CR]) : undefined);
  }
}
