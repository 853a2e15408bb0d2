import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
/** Random bytes drawn 16 KiB at a time: one system call per 1 024 ids. */
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit sequence and
 * random bits. Ids made one after the other sort in creation order, so an import's rows — and
 * their history rows, whose primary keys start with the item id — land at the right edge of
 * the B-tree indexes instead of on random pages: inserting 100 000 history rows then touches a
 * few pages rather than the whole index.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs++;
    sequence = 0;
  }
  if (poolOffset >= pool.length) {
    pool = randomBytes(16 * 1024);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
