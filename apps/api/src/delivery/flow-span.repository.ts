import type { EntityManager } from 'typeorm';

/** The instants a team's work items cover, and how many items there are. */
export interface FlowSpanRow {
  items: number;
  itemsWithHistory: number;
  /** When the earliest item was created. */
  firstAt: Date | null;
  /** The latest creation, status change or resolution of any item. */
  lastAt: Date | null;
}

/** One aggregate over the team's items and their status changes. */
export async function readFlowSpan(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<FlowSpanRow> {
  const [row]: {
    items: number;
    items_with_history: number;
    first_at: Date | null;
    last_at: Date | null;
  }[] = await manager.query(
    `SELECT count(*)::int AS items,
            (count(*) FILTER (WHERE item.has_history))::int AS items_with_history,
            min(item.created_at) AS first_at,
            -- GREATEST skips NULLs: an item never resolved, a team without status changes.
            GREATEST(
              max(item.created_at),
              max(item.resolved_at),
              (SELECT max(change.at)
                 FROM work_item_status_change change
                 JOIN work_item changed ON changed.id = change.work_item_id
                WHERE changed.workspace_id = $1 AND changed.team_id = $2
                  AND changed.removed_at IS NULL)
            ) AS last_at
       FROM work_item item
      WHERE item.workspace_id = $1 AND item.team_id = $2 AND item.removed_at IS NULL`,
    [workspaceId, teamId],
  );
  return {
    items: row?.items ?? 0,
    itemsWithHistory: row?.items_with_history ?? 0,
    firstAt: row?.first_at ?? null,
    lastAt: row?.last_at ?? null,
  };
}
