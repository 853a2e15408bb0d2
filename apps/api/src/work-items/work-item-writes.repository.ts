import type { EntityManager } from 'typeorm';

/**
 * Bulk writes of work items and their history, as imports make them. Rows go in as arrays
 * through `unnest`, a few statements per batch of items instead of one per row — an import of
 * 20 000 issues with their histories is a few hundred statements. Entities are not used here on
 * purpose: TypeORM's `save` would issue one statement per row. Run in the caller's transaction.
 */

/** An item's own fields as an import writes them; instants are ISO-8601 strings. */
export type ItemWrite = {
  id: string;
  item: {
    key: string;
    type: string;
    title: string;
    points: number | null;
    initialPoints: number | null;
    createdAt: string;
    status: string;
    initialStatus: string | null;
    resolvedAt: string | null;
    parentKey: string | null;
    hasHistory: boolean;
  };
  fieldsDigest: string;
  historyDigest: string | null;
  /** For an update: keep the stored history (and the fields that come from it). */
  keepStoredHistory: boolean;
};

/** The columns both inserts and updates set, in the order of `ITEM_UNNEST`. */
function itemColumns(batch: readonly ItemWrite[]): unknown[][] {
  return [
    batch.map(({ id }) => id),
    batch.map(({ item }) => item.key),
    batch.map(({ item }) => item.type),
    batch.map(({ item }) => item.title),
    batch.map(({ item }) => item.points),
    batch.map(({ item }) => item.initialPoints),
    batch.map(({ item }) => item.createdAt),
    batch.map(({ item }) => item.status),
    batch.map(({ item }) => item.initialStatus),
    batch.map(({ item }) => item.resolvedAt),
    batch.map(({ item }) => item.parentKey),
    batch.map(({ item }) => item.hasHistory),
    batch.map(({ fieldsDigest }) => fieldsDigest),
    batch.map(({ historyDigest }) => historyDigest),
    batch.map(({ keepStoredHistory }) => keepStoredHistory),
  ];
}

const ITEM_UNNEST = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
    $7::timestamptz[], $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::boolean[],
    $13::text[], $14::text[], $15::boolean[])
  AS u(id, key, type, title, points, initial_points, created_at, status, initial_status,
    resolved_at, parent_key, has_history, fields_digest, history_digest, keep_history)`;

/** What an import compares the file with: the team's stored items of one source. */
export async function storedItemDigests(
  manager: EntityManager,
  { workspaceId, teamId, source }: { workspaceId: string; teamId: string; source: string },
): Promise<
  {
    id: string;
    key: string;
    fields_digest: string;
    history_digest: string | null;
    has_history: boolean;
  }[]
> {
  return manager.query(
    `SELECT id, key, fields_digest, history_digest, has_history
       FROM work_item WHERE workspace_id = $1 AND team_id = $2 AND source = $3`,
    [workspaceId, teamId, source],
  );
}

export async function insertItems(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string; source: string },
  batch: readonly ItemWrite[],
): Promise<void> {
  await manager.query(
    `INSERT INTO work_item (id, workspace_id, team_id, source, key, type, title, points, initial_points,
        created_at, status, initial_status, resolved_at, parent_key, has_history, fields_digest, history_digest)
     SELECT u.id, $16, $17, $18, u.key, u.type, u.title, u.points, u.initial_points, u.created_at,
            u.status, u.initial_status, u.resolved_at, u.parent_key, u.has_history, u.fields_digest,
            u.history_digest
       FROM ${ITEM_UNNEST}`,
    [...itemColumns(batch), target.workspaceId, target.teamId, target.source],
  );
}

/**
 * Updates items of the team; an item that keeps its stored history (a CSV row for an item with
 * history) keeps the fields that come from it too.
 */
export async function updateItems(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  batch: readonly ItemWrite[],
): Promise<void> {
  await manager.query(
    `UPDATE work_item SET key = u.key, type = u.type, title = u.title, points = u.points,
            created_at = u.created_at, status = u.status, resolved_at = u.resolved_at,
            parent_key = u.parent_key, fields_digest = u.fields_digest, updated_at = now(),
            initial_points = CASE WHEN u.keep_history THEN work_item.initial_points ELSE u.initial_points END,
            initial_status = CASE WHEN u.keep_history THEN work_item.initial_status ELSE u.initial_status END,
            has_history = CASE WHEN u.keep_history THEN work_item.has_history ELSE u.has_history END,
            history_digest = CASE WHEN u.keep_history THEN work_item.history_digest ELSE u.history_digest END
       FROM ${ITEM_UNNEST}
      WHERE work_item.id = u.id AND work_item.workspace_id = $16 AND work_item.team_id = $17`,
    [...itemColumns(batch), target.workspaceId, target.teamId],
  );
}

const HISTORY_TABLES = [
  'work_item_status_change',
  'work_item_sprint_change',
  'work_item_estimate_change',
  'work_item_sprint',
] as const;

/** Deletes the whole history of the items (before an import writes it again). */
export async function deleteHistoryOf(
  manager: EntityManager,
  itemIds: readonly string[],
): Promise<void> {
  for (const table of HISTORY_TABLES) {
    await manager.query(`DELETE FROM ${table} WHERE work_item_id = ANY($1::uuid[])`, [itemIds]);
  }
}

/** History rows as parallel columns, one entry per row. */
export type HistoryColumns = {
  status: {
    ids: string[];
    seqs: number[];
    ats: string[];
    froms: (string | null)[];
    tos: string[];
  };
  sprint: { ids: string[]; seqs: number[]; ats: string[]; sprints: string[]; changes: string[] };
  estimate: { ids: string[]; seqs: number[]; ats: string[]; points: (number | null)[] };
  /** The sprints an item without history (CSV) was in. */
  membership: { ids: string[]; sprints: string[] };
};

export async function insertHistory(
  manager: EntityManager,
  { status, sprint, estimate, membership }: HistoryColumns,
): Promise<void> {
  if (status.ids.length > 0) {
    await manager.query(
      `INSERT INTO work_item_status_change (work_item_id, seq, at, from_status, to_status)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])`,
      [status.ids, status.seqs, status.ats, status.froms, status.tos],
    );
  }
  if (sprint.ids.length > 0) {
    await manager.query(
      `INSERT INTO work_item_sprint_change (work_item_id, seq, at, sprint_id, change)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::uuid[], $5::text[])`,
      [sprint.ids, sprint.seqs, sprint.ats, sprint.sprints, sprint.changes],
    );
  }
  if (estimate.ids.length > 0) {
    await manager.query(
      `INSERT INTO work_item_estimate_change (work_item_id, seq, at, points)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::float8[])`,
      [estimate.ids, estimate.seqs, estimate.ats, estimate.points],
    );
  }
  if (membership.ids.length > 0) {
    await manager.query(
      `INSERT INTO work_item_sprint (work_item_id, sprint_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [membership.ids, membership.sprints],
    );
  }
}
