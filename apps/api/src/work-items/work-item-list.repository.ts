import type { Page, WorkItemQuery, WorkItemSort } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { decodeCursor, toPage } from '../common/pagination/cursor.js';
import { ProblemException } from '../common/problem/problem.js';
import { WorkItem } from './work-item.entity.js';

/**
 * How each order reads: the SQL it sorts on (`$` stands for the column or the cursor's value),
 * the type a cursor value is cast to, and the value of an item a cursor keeps. A key sorts
 * naturally — its letters, then its trailing number padded — so `PAY-9` comes before `PAY-10`.
 */
const SORTS: Record<
  WorkItemSort,
  {
    column: string;
    expression?: (value: string) => string;
    cast: string;
    value(item: WorkItem): string | null;
    check: z.ZodType<string>;
  }
> = {
  created: {
    column: 'item.created_at',
    cast: 'timestamptz',
    value: (item) => item.createdAt.toISOString(),
    check: z.iso.datetime(),
  },
  finished: {
    column: 'item.resolved_at',
    cast: 'timestamptz',
    value: (item) => item.resolvedAt?.toISOString() ?? null,
    check: z.iso.datetime(),
  },
  key: {
    column: 'item.key',
    expression: (value) =>
      `regexp_replace(${value}, '[0-9]+$', '') || lpad(coalesce(substring(${value} from '([0-9]+)$'), ''), 20, '0')`,
    cast: 'text',
    value: (item) => item.key,
    check: z.string().max(255),
  },
  status: {
    column: 'item.status',
    cast: 'text',
    value: (item) => item.status,
    check: z.string().max(255),
  },
  estimate: {
    column: 'item.points',
    cast: 'double precision',
    value: (item) => (item.points === null ? null : String(item.points)),
    check: z.string().regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i),
  },
};

/**
 * A cursor names its order, so a page of one order never continues another: (sort, order,
 * whether the last item had a value, that value, id).
 */
const positionShape = z.tuple([
  z.string(),
  z.string(),
  z.enum(['value', 'none']),
  z.string().max(300),
  z.uuid(),
]);

/** `%`, `_` and `\` in a search are meant literally, not as LIKE wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * One page of a team's work items, filtered and ordered as asked, keyset-paged on (sort value,
 * id) with items lacking the value (no finish date, no estimate) last in both directions. Items
 * Jira no longer has (`removed_at`) are left out, as every metric and the sprint report leave
 * them out: the list of a sprint's items is the scope its report counts.
 */
export async function listWorkItems(
  manager: EntityManager,
  scope: { workspaceId: string; teamId: string },
  query: WorkItemQuery,
): Promise<Page<WorkItem>> {
  const sortName = query.sort ?? 'created';
  const order = query.order ?? (query.sort === undefined ? 'desc' : 'asc');
  const sort = SORTS[sortName];
  const sortBy = sort.expression ? sort.expression(sort.column) : sort.column;
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const after = decodeCursor(query.cursor, positionShape);
  const afterValue = after && (after[2] === 'value' ? after[3] : null);
  if (after && (after[0] !== sortName || after[1] !== order || !validValue(sortName, afterValue))) {
    throw ProblemException.validation(
      [{ path: 'cursor', message: 'is not a cursor of this order' }],
      'The cursor is not valid.',
    );
  }
  const builder = manager
    .getRepository(WorkItem)
    .createQueryBuilder('item')
    .where('item.teamId = :teamId', { teamId: scope.teamId })
    .andWhere('item.workspaceId = :workspaceId', { workspaceId: scope.workspaceId })
    .andWhere('item.removedAt IS NULL')
    .orderBy(`(${sort.column} IS NULL)`, 'ASC')
    .addOrderBy(sortBy, direction)
    .addOrderBy('item.id', direction)
    .limit(query.limit + 1);
  if (query.type !== undefined) builder.andWhere('item.type = :type', { type: query.type });
  if (query.status !== undefined) {
    builder.andWhere('item.status = :status', { status: query.status });
  }
  if (query.q !== undefined) {
    builder.andWhere(`(item.key ILIKE :q ESCAPE '\\' OR item.title ILIKE :q ESCAPE '\\')`, {
      q: containsPattern(query.q),
    });
  }
  if (query.sprint !== undefined) {
    builder.andWhere(
      `(EXISTS (SELECT 1 FROM work_item_sprint_change change
                 WHERE change.work_item_id = item.id AND change.sprint_id = :sprint)
        OR EXISTS (SELECT 1 FROM work_item_sprint membership
                    WHERE membership.work_item_id = item.id AND membership.sprint_id = :sprint))`,
      { sprint: query.sprint },
    );
  }
  if (after) {
    const [, , , , id] = after;
    const value = afterValue ?? null;
    const beyond = order === 'asc' ? '>' : '<';
    if (value === null) {
      builder.andWhere(`(${sort.column} IS NULL AND item.id ${beyond} :afterId)`, { afterId: id });
    } else {
      const cursorValue = `CAST(:afterValue AS ${sort.cast})`;
      const cursorSortBy = sort.expression ? sort.expression(cursorValue) : cursorValue;
      builder.andWhere(
        `((${sort.column} IS NOT NULL AND (${sortBy}, item.id) ${beyond} (${cursorSortBy}, :afterId))
          OR ${sort.column} IS NULL)`,
        { afterValue: value, afterId: id },
      );
    }
  }
  const items = await builder.getMany();
  return toPage(
    items,
    query.limit,
    (item) => item,
    (item) => {
      const value = sort.value(item);
      return [sortName, order, value === null ? 'none' : 'value', value ?? '', item.id];
    },
  );
}

function validValue(sort: WorkItemSort, value: string | null | undefined): boolean {
  return value === null || value === undefined || SORTS[sort].check.safeParse(value).success;
}

/**
 * The item types of the team's items, A–Z (the choices of the list's type filter); a type only
 * removed items had is not one.
 */
export async function typesOfTeam(
  manager: EntityManager,
  scope: { workspaceId: string; teamId: string },
): Promise<string[]> {
  const rows: { type: string }[] = await manager.query(
    `SELECT DISTINCT type FROM work_item
      WHERE team_id = $1 AND workspace_id = $2 AND type <> '' AND removed_at IS NULL
      ORDER BY type`,
    [scope.teamId, scope.workspaceId],
  );
  return rows.map(({ type }) => type);
}
