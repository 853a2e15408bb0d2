import type { Page } from '@bearing/contracts';
import { z } from 'zod';
import { ProblemException } from '../problem/problem.js';

/** Sort-key values of the last row of a page, e.g. `[createdAt, id]`. */
export type Position = readonly string[];

/**
 * Cursors are keyset positions in base64url JSON. Opaque to clients, so the sort keys can
 * change without breaking their contract.
 */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * The position in `cursor`, checked against the list's own key shape (so a forged cursor is a
 * 400 rather than a database error), or `undefined` for the first page.
 */
export function decodeCursor<Shape extends z.ZodType<Position>>(
  cursor: string | undefined,
  shape: Shape,
): z.output<Shape> | undefined {
  if (cursor === undefined) return undefined;
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = shape.safeParse(position);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

/** The key shape of lists ordered newest first: `(created_at, id)`. */
export const createdAtIdPosition = z.tuple([z.iso.datetime(), z.uuid()]);

/**
 * Queries fetch `limit + 1` rows: the extra row only tells whether another page follows, and
 * the cursor points at the last row actually returned.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => Position,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

function invalidCursor(): ProblemException {
  return ProblemException.validation(
    [{ path: 'cursor', message: 'is not a cursor this list returned' }],
    'The cursor is not valid.',
  );
}
