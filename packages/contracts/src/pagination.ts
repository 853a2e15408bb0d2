import { z } from 'zod';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/**
 * Query of every list route: `?limit=` (1–200, default 50) and the opaque `?cursor=` that the
 * previous page returned as `nextCursor`. Cursors are keyset positions, so pages stay stable
 * while rows are added.
 */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  cursor: z.string().min(1).max(512).optional(),
});

/** One page of a list: `nextCursor` is `null` on the last page. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type PageQuery = z.output<typeof pageQuerySchema>;
export type Page<Item> = { items: Item[]; nextCursor: string | null };
