import type { EntityManager } from 'typeorm';

/**
 * SQL on work items and their history tables (`work_item`, `work_item_status_change`,
 * `work_item_sprint_change`, `work_item_estimate_change`, `work_item_sprint`): the reads of the
 * delivery read models and the bulk writes of imports. History rows carry no workspace of their
 * own, so every read joins their item and filters on its workspace.
 */

/** A team's item as the flow read models read it. */
export type TeamItemRow = {
  id: string;
  key: string;
  title: string;
  created_at: Date;
  status: string;
  initial_status: string | null;
  resolved_at: Date | null;
  has_history: boolean;
};

/** Every item of the team still in its source (not marked removed), in creation order. */
export async function teamItems(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<TeamItemRow[]> {
  return manager.query(
    `SELECT id, key, title, created_at, status, initial_status, resolved_at, has_history
       FROM work_item WHERE workspace_id = $1 AND team_id = $2 AND removed_at IS NULL
      ORDER BY created_at, id`,
    [workspaceId, teamId],
  );
}

/** The ids of the team's items still in their source, in creation order (as `teamItems`). */
export async function teamItemIds(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM work_item WHERE workspace_id = $1 AND team_id = $2 AND removed_at IS NULL
      ORDER BY created_at, id`,
    [workspaceId, teamId],
  );
  return rows.map((row) => row.id);
}

/** Every status change of the team's items, by item, in order. */
export async function teamStatusChanges(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<{ work_item_id: string; at: Date; to_status: string }[]> {
  return manager.query(
    `SELECT change.work_item_id, change.at, change.to_status
       FROM work_item_status_change change
       JOIN work_item item ON item.id = change.work_item_id
      WHERE item.workspace_id = $1 AND item.team_id = $2 AND item.removed_at IS NULL
      ORDER BY change.work_item_id, change.seq`,
    [workspaceId, teamId],
  );
}

/** The team's items among `ids` still in their source, in creation order. */
export async function teamItemsWithIds(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  ids: readonly string[],
): Promise<TeamItemRow[]> {
  return manager.query(
    `SELECT id, key, title, created_at, status, initial_status, resolved_at, has_history
       FROM work_item
      WHERE workspace_id = $1 AND team_id = $2 AND id = ANY($3::uuid[]) AND removed_at IS NULL
      ORDER BY created_at, id`,
    [workspaceId, teamId, ids],
  );
}

/** The status changes of the team's items among `ids`, by item, in order. */
export async function statusChangesOfItems(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  ids: readonly string[],
): Promise<{ work_item_id: string; at: Date; to_status: string }[]> {
  return manager.query(
    `SELECT change.work_item_id, change.at, change.to_status
       FROM work_item_status_change change
       JOIN work_item item ON item.id = change.work_item_id
      WHERE item.workspace_id = $1 AND item.team_id = $2 AND item.id = ANY($3::uuid[])
        AND item.removed_at IS NULL
      ORDER BY change.work_item_id, change.seq`,
    [workspaceId, teamId, ids],
  );
}

/**
 * Every sprint each item was ever in, oldest sprint first: items with history were in the
 * sprints they were added to; items without (CSV) list them.
 */
export async function sprintsEverOf(
  manager: EntityManager,
  workspaceId: string,
  itemIds: readonly string[],
): Promise<{ work_item_id: string; sprint_id: string }[]> {
  return manager.query(
    `SELECT DISTINCT ever.work_item_id, ever.sprint_id, sprint.starts_at, sprint.name
       FROM (SELECT work_item_id, sprint_id FROM work_item_sprint_change
              WHERE work_item_id = ANY($1::uuid[]) AND change = 'added'
             UNION
             SELECT work_item_id, sprint_id FROM work_item_sprint
              WHERE work_item_id = ANY($1::uuid[])) ever
       JOIN work_item item ON item.id = ever.work_item_id
       JOIN sprint ON sprint.id = ever.sprint_id
      WHERE item.workspace_id = $2
      ORDER BY sprint.starts_at ASC NULLS LAST, sprint.name ASC`,
    [itemIds, workspaceId],
  );
}
