import type { EntityManager } from 'typeorm';
import type { ImportedSprint } from './import-file.js';
import { type ImportPlan, JIRA_SOURCE, type PlannedItem } from './import-plan.js';

/** Items per round of statements: large enough to amortise round trips, small enough to stream. */
export const WRITE_BATCH = 2000;

/**
 * Writes an import plan inside the caller's transaction. Rows go in as arrays through
 * `unnest`, a few statements per batch of items instead of one per row — an import of 20 000
 * issues with their histories is a few hundred statements. Entities are not used here on
 * purpose: TypeORM's `save` would issue one statement per row.
 */
export async function writePlan(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  plan: ImportPlan,
  onProgress: (written: number, total: number) => Promise<void>,
): Promise<void> {
  await writeSprints(manager, target.teamId, plan);
  const total = plan.items.insert.length + plan.items.update.length;
  let written = 0;
  for (const batch of batches(plan.items.insert)) {
    await insertItems(manager, target, batch);
    await insertHistory(manager, plan.sprintIdOf, batch);
    written += batch.length;
    await onProgress(written, total);
  }
  for (const batch of batches(plan.items.update)) {
    await updateItems(manager, batch);
    const replaced = batch.filter((planned) => !planned.keepStoredHistory);
    if (replaced.length > 0) {
      const ids = replaced.map((planned) => planned.id);
      for (const table of HISTORY_TABLES) {
        await manager.query(`DELETE FROM ${table} WHERE work_item_id = ANY($1::uuid[])`, [ids]);
      }
      await insertHistory(manager, plan.sprintIdOf, replaced);
    }
    written += batch.length;
    await onProgress(written, total);
  }
}

const HISTORY_TABLES = [
  'work_item_status_change',
  'work_item_sprint_change',
  'work_item_estimate_change',
  'work_item_sprint',
] as const;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    yield rows.slice(start, start + WRITE_BATCH);
  }
}

async function writeSprints(manager: EntityManager, teamId: string, plan: ImportPlan) {
  const { insert, update } = plan.sprints;
  if (insert.length > 0) {
    const columns = sprintColumns(insert.map(({ sprint }) => sprint));
    await manager.query(
      `INSERT INTO sprint (id, team_id, source, version, name, starts_at, ends_at, goal, state, completed_at, external_id)
       SELECT u.id, $1, $2, 1, u.name, u.starts_at, u.ends_at, u.goal, u.state, u.completed_at, u.external_id
         FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
           AS u(id, name, starts_at, ends_at, goal, state, completed_at, external_id)`,
      [teamId, JIRA_SOURCE, insert.map(({ id }) => id), ...columns],
    );
  }
  if (update.length > 0) {
    const columns = sprintColumns(update.map(({ sprint }) => sprint));
    await manager.query(
      `UPDATE sprint SET name = u.name, starts_at = u.starts_at, ends_at = u.ends_at, goal = u.goal,
              state = u.state, completed_at = u.completed_at, external_id = u.external_id,
              source = $2, version = sprint.version + 1, updated_at = now()
         FROM unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
           AS u(id, name, starts_at, ends_at, goal, state, completed_at, external_id)
        WHERE sprint.id = u.id AND sprint.team_id = $1`,
      [teamId, JIRA_SOURCE, update.map(({ id }) => id), ...columns],
    );
  }
}

function sprintColumns(sprints: ImportedSprint[]): unknown[][] {
  return [
    sprints.map((sprint) => sprint.name),
    sprints.map((sprint) => sprint.start),
    sprints.map((sprint) => sprint.end),
    sprints.map((sprint) => sprint.goal),
    sprints.map((sprint) => sprint.state),
    sprints.map((sprint) => sprint.completedAt),
    sprints.map((sprint) => sprint.externalId),
  ];
}

/** The columns both inserts and updates set, in the order of `ITEM_UNNEST`. */
function itemColumns(batch: PlannedItem[]): unknown[][] {
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

async function insertItems(
  manager: EntityManager,
  { workspaceId, teamId }: { workspaceId: string; teamId: string },
  batch: PlannedItem[],
): Promise<void> {
  await manager.query(
    `INSERT INTO work_item (id, workspace_id, team_id, source, key, type, title, points, initial_points,
        created_at, status, initial_status, resolved_at, parent_key, has_history, fields_digest, history_digest)
     SELECT u.id, $16, $17, $18, u.key, u.type, u.title, u.points, u.initial_points, u.created_at,
            u.status, u.initial_status, u.resolved_at, u.parent_key, u.has_history, u.fields_digest,
            u.history_digest
       FROM ${ITEM_UNNEST}`,
    [...itemColumns(batch), workspaceId, teamId, JIRA_SOURCE],
  );
}

/** A CSV row updates the fields of an item with history but leaves its history as it is. */
async function updateItems(manager: EntityManager, batch: PlannedItem[]): Promise<void> {
  await manager.query(
    `UPDATE work_item SET key = u.key, type = u.type, title = u.title, points = u.points,
            created_at = u.created_at, status = u.status, resolved_at = u.resolved_at,
            parent_key = u.parent_key, fields_digest = u.fields_digest, updated_at = now(),
            initial_points = CASE WHEN u.keep_history THEN work_item.initial_points ELSE u.initial_points END,
            initial_status = CASE WHEN u.keep_history THEN work_item.initial_status ELSE u.initial_status END,
            has_history = CASE WHEN u.keep_history THEN work_item.has_history ELSE u.has_history END,
            history_digest = CASE WHEN u.keep_history THEN work_item.history_digest ELSE u.history_digest END
       FROM ${ITEM_UNNEST}
      WHERE work_item.id = u.id`,
    itemColumns(batch),
  );
}

async function insertHistory(
  manager: EntityManager,
  sprintIdOf: Map<string, string>,
  batch: PlannedItem[],
): Promise<void> {
  const status = {
    ids: [] as string[],
    seqs: [] as number[],
    ats: [] as string[],
    froms: [] as (string | null)[],
    tos: [] as string[],
  };
  const sprint = {
    ids: [] as string[],
    seqs: [] as number[],
    ats: [] as string[],
    sprints: [] as string[],
    changes: [] as string[],
  };
  const estimate = {
    ids: [] as string[],
    seqs: [] as number[],
    ats: [] as string[],
    points: [] as (number | null)[],
  };
  const membership = { ids: [] as string[], sprints: [] as string[] };
  for (const { id, item } of batch) {
    item.statusChanges.forEach((change, seq) => {
      status.ids.push(id);
      status.seqs.push(seq);
      status.ats.push(change.at);
      status.froms.push(change.from);
      status.tos.push(change.to);
    });
    let sprintSeq = 0;
    for (const change of item.sprintChanges) {
      const sprintId = sprintIdOf.get(change.sprint);
      if (sprintId === undefined) continue;
      sprint.ids.push(id);
      sprint.seqs.push(sprintSeq++);
      sprint.ats.push(change.at);
      sprint.sprints.push(sprintId);
      sprint.changes.push(change.change);
    }
    item.estimateChanges.forEach((change, seq) => {
      estimate.ids.push(id);
      estimate.seqs.push(seq);
      estimate.ats.push(change.at);
      estimate.points.push(change.points);
    });
    // With history, the sprints an item was in are its `added` changes; only an item without
    // history (CSV) needs them listed.
    if (item.hasHistory) continue;
    for (const sprintId of new Set(item.sprints.flatMap((ref) => sprintIdOf.get(ref) ?? []))) {
      membership.ids.push(id);
      membership.sprints.push(sprintId);
    }
  }
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
