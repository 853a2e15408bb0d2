import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { utf8Chunks } from './utf8-chunks.js';

async function decode(chunks: Buffer[]): Promise<string> {
  let text = '';
  for await (const chunk of utf8Chunks(Readable.from(chunks, { objectMode: true }))) text += chunk;
  return text;
}

/** The bytes cut at `cuts` (positions taken modulo the length), empty pieces included. */
function cut(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((at) => at % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, index) => bytes.subarray(start, points[index] ?? bytes.length));
}

describe('utf8Chunks', () => {
  it('decodes text of one- to four-byte characters exactly, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', '"', 'é', '—', '€', '😀', '\uFEFF', '{'), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (parts, cuts) => {
          const text = parts.join('');
          expect(await decode(cut(Buffer.from(text, 'utf8'), cuts))).toBe(text);
        },
      ),
    );
  });

  it('decodes invalid bytes as a whole-buffer decoding does, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (array, cuts) => {
          const bytes = Buffer.from(array);
          expect(await decode(cut(bytes, cuts))).toBe(
            new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
          );
        },
      ),
    );
  });
});
