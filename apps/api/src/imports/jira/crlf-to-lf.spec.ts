import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { CrlfToLf } from './crlf-to-lf.js';

async function convert(chunks: Buffer[]): Promise<string> {
  const output: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(new CrlfToLf()))
    output.push(chunk as Buffer);
  return Buffer.concat(output).toString('latin1');
}

describe('CrlfToLf', () => {
  it('replaces CRLF, keeps lone CR and LF, wherever chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', 'é'), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        async (parts, cuts) => {
          const text = Buffer.from(parts.join(''), 'latin1');
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...points].map((start, index) =>
            text.subarray(start, points[index] ?? text.length),
          );
          expect(await convert(chunks.filter((chunk) => chunk.length > 0))).toBe(
            parts.join('').replaceAll('\r\n', '\n'),
          );
        },
      ),
    );
  });
});
