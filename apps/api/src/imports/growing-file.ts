import { open } from 'node:fs/promises';
import type { MessagePort } from 'node:worker_threads';

/** What the receiving side of an upload tells its reader: bytes on disk so far, and the end. */
export type GrowthNotice =
  { written: number; done?: false } | { written: number; done: true } | { failed: string };

/** The most read from the file at once. */
const PIECE_BYTES = 1 << 20;

/**
 * The bytes of a file that is still being written — an upload as it arrives — read from disk
 * as `progress` reports them written, until it reports the end. Nothing is held beyond the
 * piece being read: a reader slower than the network lets the file, not memory, take the
 * difference. A `failed` notice (the upload broke off) ends reading with an error.
 */
export async function* growingFile(path: string, progress: MessagePort): AsyncGenerator<Buffer> {
  let written = 0;
  let ended = false;
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  progress.on('message', (notice: GrowthNotice) => {
    if ('failed' in notice) failure = notice.failed;
    else {
      written = Math.max(written, notice.written);
      ended ||= notice.done === true;
    }
    wake?.();
  });
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    let offset = 0;
    for (;;) {
      if (failure !== undefined) throw new Error(`the upload broke off: ${failure}`);
      if (offset < written) {
        handle ??= await open(path, 'r');
        const size = Math.min(PIECE_BYTES, written - offset);
        const piece = Buffer.allocUnsafe(size);
        const { bytesRead } = await handle.read(piece, 0, size, offset);
        if (bytesRead === 0) throw new Error('the upload is shorter than reported');
        offset += bytesRead;
        yield piece.subarray(0, bytesRead);
        continue;
      }
      if (ended) return;
      // Nothing runs between the checks above and this: a notice cannot slip past unseen.
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    progress.close();
    await handle?.close();
  }
}
