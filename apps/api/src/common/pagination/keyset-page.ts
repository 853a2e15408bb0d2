import type { Page } from '@bearing/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import { createdAtIdPosition, decodeCursor, encodeCursor, type Position } from './cursor.js';

/** One column of a list's sort key. */
export type KeysetKey<Row> = {
  /** What to order by: `alias.property`, or an expression over them. */
  sort: string;
  /** A type the cursor's value is cast to in SQL (e.g. `timestamptz`), when it needs one. */
  cast?: string;
  /** The row's value of this key, as the cursor keeps it. */
  valueOf: (row: Row) => string;
};

/** How a list is ordered: its keys (the last one unique, usually the id) and one direction. */
export type KeysetOrder<Row> = {
  keys: readonly KeysetKey<Row>[];
  direction: 'ASC' | 'DESC';
  /** The shape a cursor of this list decodes to (a forged cursor is a 400, not a SQL error). */
  shape: z.ZodType<Position>;
};

/**
 * The one keyset-pagination query: orders `query` by the keys, continues after the cursor's
 * position, and fetches `limit + 1` rows — the extra row only tells whether another page follows,
 * and the next cursor points at the last row actually returned. `query` carries its own filters,
 * the workspace's first of all.
 */
export async function keysetPage<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
  { keys, direction, shape }: KeysetOrder<Row>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, shape);
  keys.forEach(({ sort }, index) =>
    index === 0 ? query.orderBy(sort, direction) : query.addOrderBy(sort, direction),
  );
  if (after) {
    const parameters = Object.fromEntries(keys.map((_, index) => [`keyset${index}`, after[index]]));
    const values = keys.map(({ cast }, index) =>
      cast ? `CAST(:keyset${index} AS ${cast})` : `:keyset${index}`,
    );
    query.andWhere(
      `(${keys.map(({ sort }) => sort).join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${values.join(', ')})`,
      parameters,
    );
  }
  const rows = await query.limit(limit + 1).getMany();
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    rows: pageRows,
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor(keys.map(({ valueOf }) => valueOf(last)))
        : null,
  };
}

/** `keysetPage` with its rows made into the response's items. */
export async function keysetItems<Row extends ObjectLiteral, Item>(
  query: SelectQueryBuilder<Row>,
  page: { cursor?: string | undefined; limit: number },
  order: KeysetOrder<Row>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { rows, nextCursor } = await keysetPage(query, page, order);
  return { items: rows.map(toItem), nextCursor };
}

/** The order of lists by creation, `(created_at, id)`, of the rows aliased `alias`. */
export function createdAtIdOrder<Row extends { createdAt: Date; id: string }>(
  alias: string,
  direction: 'ASC' | 'DESC',
): KeysetOrder<Row> {
  return {
    keys: [
      { sort: `${alias}.createdAt`, valueOf: (row) => row.createdAt.toISOString() },
      { sort: `${alias}.id`, valueOf: (row) => row.id },
    ],
    direction,
    shape: createdAtIdPosition,
  };
}
