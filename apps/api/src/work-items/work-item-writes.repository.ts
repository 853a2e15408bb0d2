import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type EntityManager, QueryFailedError, type QueryRunner } from 'typeorm';
import { binaryCopyRows, type CopyType, type CopyValue } from '../common/copy/binary-copy.js';

/**
 * Bulk writes of work items and their history, as imports make them: the rows are streamed
 * with COPY (binary format) into temporary staging tables, then moved into the real tables by
 * a few set-based statements — an import of 20 000 issues with their histories is about a dozen
 * statements, whatever its size. Every statement that touches a real table names the workspace
 * and the team. Entities are not used here on purpose: TypeORM's `save` would issue one
 * statement per row. Run in the caller's transaction; the staging tables go with its commit.
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

/**
 * What an import compares the file with: the team's stored items of one source among `keys`
 * (the file's), so a batch of a large team reads only its own items' digests.
 */
export async function storedItemDigests(
  manager: EntityManager,
  { workspaceId, teamId, source }: { workspaceId: string; teamId: string; source: string },
  keys: readonly string[],
): Promise<
  {
    id: string;
    key: string;
    fields_digest: string;
    history_digest: string | null;
    has_history: boolean;
  }[]
> {
  if (keys.length === 0) return [];
  return manager.query(
    `SELECT id, key, fields_digest, history_digest, has_history
       FROM work_item
      WHERE workspace_id = $1 AND team_id = $2 AND source = $3 AND key = ANY($4::text[])`,
    [workspaceId, teamId, source, keys],
  );
}

/** One item's history rows as an import writes them, sprints by id. */
export type HistoryWrite = {
  itemId: string;
  statusChanges: readonly { at: string; from: string | null; to: string }[];
  sprintChanges: readonly { at: string; sprintId: string; change: 'added' | 'removed' }[];
  estimateChanges: readonly { at: string; points: number | null }[];
  /** The sprints an item without history (CSV) was in. */
  sprintIds: readonly string[];
};

type Stage = { table: string; columns: readonly (readonly [string, CopyType])[] };

/** The staging tables: each column with the type its binary COPY rows carry. */
const ITEM_STAGE = {
  table: 'import_item_stage',
  columns: [
    ['id', 'uuid'],
    ['key', 'text'],
    ['type', 'text'],
    ['title', 'text'],
    ['points', 'float8'],
    ['initial_points', 'float8'],
    ['created_at', 'timestamptz'],
    ['status', 'text'],
    ['initial_status', 'text'],
    ['resolved_at', 'timestamptz'],
    ['parent_key', 'text'],
    ['has_history', 'bool'],
    ['fields_digest', 'text'],
    ['history_digest', 'text'],
    // An update whose history is written again: the stored one is deleted first.
    ['replace_history', 'bool'],
  ],
} as const satisfies Stage;
const STATUS_STAGE = {
  table: 'import_status_change_stage',
  columns: [
    ['work_item_id', 'uuid'],
    ['seq', 'int4'],
    ['at', 'timestamptz'],
    ['from_status', 'text'],
    ['to_status', 'text'],
  ],
} as const satisfies Stage;
const SPRINT_CHANGE_STAGE = {
  table: 'import_sprint_change_stage',
  columns: [
    ['work_item_id', 'uuid'],
    ['seq', 'int4'],
    ['at', 'timestamptz'],
    ['sprint_id', 'uuid'],
    ['change', 'text'],
  ],
} as const satisfies Stage;
const ESTIMATE_STAGE = {
  table: 'import_estimate_change_stage',
  columns: [
    ['work_item_id', 'uuid'],
    ['seq', 'int4'],
    ['at', 'timestamptz'],
    ['points', 'float8'],
  ],
} as const satisfies Stage;
const MEMBERSHIP_STAGE = {
  table: 'import_sprint_stage',
  columns: [
    ['work_item_id', 'uuid'],
    ['sprint_id', 'uuid'],
  ],
} as const satisfies Stage;

/** Each history table with its stage; every one of them is keyed by `work_item_id`. */
const HISTORY = [
  { table: 'work_item_status_change', stage: { ...STATUS_STAGE, rows: statusRows } },
  { table: 'work_item_sprint_change', stage: { ...SPRINT_CHANGE_STAGE, rows: sprintChangeRows } },
  { table: 'work_item_estimate_change', stage: { ...ESTIMATE_STAGE, rows: estimateRows } },
  { table: 'work_item_sprint', stage: { ...MEMBERSHIP_STAGE, rows: membershipRows } },
] as const;

/** A new item's row of `work_item`, as COPY writes it there; the other columns take defaults. */
const NEW_ITEM_COPY = {
  table: 'work_item',
  columns: [
    ['workspace_id', 'uuid'],
    ['team_id', 'uuid'],
    ['source', 'text'],
    ...ITEM_STAGE.columns.filter(([name]) => name !== 'replace_history'),
  ],
} as const satisfies Stage;

/**
 * Writes `items` (new ones and changed ones, as the import's plan decided) and `histories` (of
 * new items, and of changed items whose stored history is replaced) of the team, in the
 * caller's transaction. New items and their histories are COPYed straight into the real tables,
 * each row naming the target's workspace and team (their ids are new, so no stored row can be
 * theirs; a key the team already has fails the unique index and so the transaction). Changed
 * items go through the staging tables: COPY there, then one upsert of the items and one
 * statement per history table. A failing row fails the statement and so the whole transaction.
 */
export async function writeItemsThroughStaging(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string; source: string },
  items: { insert: readonly ItemWrite[]; update: readonly ItemWrite[] },
  histories: readonly HistoryWrite[],
): Promise<void> {
  if (items.insert.length + items.update.length === 0) return;
  const runner = transactionOf(manager);
  const client = (await runner.connect()) as pg.PoolClient;
  const inserted = new Set(items.insert.map((write) => write.id));
  if (inserted.size > 0) {
    await copyInto(client, NEW_ITEM_COPY, newItemRows(target, items.insert));
    const ofNew = histories.filter((history) => inserted.has(history.itemId));
    for (const { table, stage } of HISTORY) {
      await copyInto(client, { table, columns: stage.columns }, stage.rows(ofNew));
    }
  }
  if (items.update.length === 0) return;
  await writeUpdatesThroughStaging(
    runner,
    client,
    target,
    items.update,
    histories.filter((history) => !inserted.has(history.itemId)),
  );
}

async function writeUpdatesThroughStaging(
  runner: QueryRunner,
  client: pg.PoolClient,
  target: { workspaceId: string; teamId: string; source: string },
  update: readonly ItemWrite[],
  histories: readonly HistoryWrite[],
): Promise<void> {
  const stages = [ITEM_STAGE, ...HISTORY.map(({ stage }) => stage)];
  await runner.query(
    stages
      .map(
        ({ table, columns }) =>
          `CREATE TEMPORARY TABLE ${table} (${columns.map(([name, type]) => `${name} ${type}`).join(', ')}) ON COMMIT DROP`,
      )
      .join(';\n'),
  );
  await copyInto(client, ITEM_STAGE, itemRows(update));
  const staged: number[] = [];
  for (const { stage } of HISTORY)
    staged.push(await copyInto(client, stage, stage.rows(histories)));
  // Every staged row must land: a row the tenant filters held back means the plan no longer
  // matches the team's items, and the import fails whole rather than store part of itself.
  expectWritten('items', await upsertStagedItems(runner, target), update.length);
  if (update.some((write) => !write.keepStoredHistory)) {
    await deleteReplacedHistories(runner, target);
  }
  for (const [index, { table, stage }] of HISTORY.entries()) {
    const names = stage.columns.map(([name]) => name);
    const inserted = await runner.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.map((name) => `stage.${name}`).join(', ')}
         FROM ${stage.table} stage JOIN work_item item ON item.id = stage.work_item_id
        WHERE item.workspace_id = $1 AND item.team_id = $2`,
      [target.workspaceId, target.teamId],
      true,
    );
    expectWritten(table, inserted.affected ?? 0, staged[index] ?? 0);
  }
}

function expectWritten(what: string, written: number, staged: number): void {
  if (written !== staged) {
    throw new Error(`an import staged ${staged} rows of ${what} but wrote ${written}`);
  }
}

/**
 * New items go in; a changed one (same team, source and key) takes the file's fields — except
 * that an item which keeps its stored history (a CSV row for an item imported with history)
 * keeps the fields that come from that history too. `WHERE` leaves an unchanged row untouched.
 */
async function upsertStagedItems(
  runner: QueryRunner,
  { workspaceId, teamId, source }: { workspaceId: string; teamId: string; source: string },
): Promise<number> {
  const keep = 'item.has_history AND NOT EXCLUDED.has_history';
  const upserted = await runner.query(
    `INSERT INTO work_item AS item (id, workspace_id, team_id, source, key, type, title, points,
            initial_points, created_at, status, initial_status, resolved_at, parent_key, has_history,
            fields_digest, history_digest)
     SELECT stage.id, $1, $2, $3, stage.key, stage.type, stage.title, stage.points,
            stage.initial_points, stage.created_at, stage.status, stage.initial_status,
            stage.resolved_at, stage.parent_key, stage.has_history, stage.fields_digest,
            stage.history_digest
       FROM ${ITEM_STAGE.table} stage
     ON CONFLICT (team_id, source, key) DO UPDATE SET
            type = EXCLUDED.type, title = EXCLUDED.title, points = EXCLUDED.points,
            created_at = EXCLUDED.created_at, status = EXCLUDED.status,
            resolved_at = EXCLUDED.resolved_at, parent_key = EXCLUDED.parent_key,
            fields_digest = EXCLUDED.fields_digest, updated_at = now(),
            initial_points = CASE WHEN ${keep} THEN item.initial_points ELSE EXCLUDED.initial_points END,
            initial_status = CASE WHEN ${keep} THEN item.initial_status ELSE EXCLUDED.initial_status END,
            has_history = CASE WHEN ${keep} THEN item.has_history ELSE EXCLUDED.has_history END,
            history_digest = CASE WHEN ${keep} THEN item.history_digest ELSE EXCLUDED.history_digest END
      WHERE item.workspace_id = $1 AND item.id = EXCLUDED.id
        AND (item.fields_digest IS DISTINCT FROM EXCLUDED.fields_digest
             OR (NOT (${keep}) AND item.history_digest IS DISTINCT FROM EXCLUDED.history_digest))`,
    [workspaceId, teamId, source],
    true,
  );
  return upserted.affected ?? 0;
}

/** Deletes the stored history of the changed items whose history the import writes again. */
async function deleteReplacedHistories(
  runner: QueryRunner,
  { workspaceId, teamId }: { workspaceId: string; teamId: string },
): Promise<void> {
  for (const { table } of HISTORY) {
    await runner.query(
      `DELETE FROM ${table} history
        USING ${ITEM_STAGE.table} stage, work_item item
        WHERE history.work_item_id = stage.id AND stage.replace_history
          AND item.id = stage.id AND item.workspace_id = $1 AND item.team_id = $2`,
      [workspaceId, teamId],
    );
  }
}

function transactionOf(manager: EntityManager): QueryRunner {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('an import writes inside a transaction');
  return runner;
}

/** Streams `rows` into the stage; answers how many there were. */
async function copyInto(
  client: pg.PoolClient,
  { table, columns }: Stage,
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  let count = 0;
  function* counted() {
    for (const row of rows) {
      count++;
      yield row;
    }
  }
  const sql = `COPY ${table} (${columns.map(([name]) => name).join(', ')}) FROM STDIN WITH (FORMAT binary)`;
  await pipeline(
    Readable.from(
      binaryCopyRows(
        columns.map(([, type]) => type),
        counted(),
      ),
    ),
    client.query(copyFrom(sql)),
  ).catch((error: unknown) => {
    // Reported like any refused statement (with its SQLSTATE), as TypeORM reports the others.
    throw error instanceof Error && 'code' in error ? new QueryFailedError(sql, [], error) : error;
  });
  return count;
}

function* itemRows(update: readonly ItemWrite[]): Generator<CopyValue[]> {
  for (const write of update) yield itemRow(write, !write.keepStoredHistory);
}

function* newItemRows(
  { workspaceId, teamId, source }: { workspaceId: string; teamId: string; source: string },
  insert: readonly ItemWrite[],
): Generator<CopyValue[]> {
  for (const write of insert) {
    const row = itemRow(write, false);
    row.pop();
    yield [workspaceId, teamId, source, ...row];
  }
}

function itemRow(
  { id, item, fieldsDigest, historyDigest }: ItemWrite,
  replaceHistory: boolean,
): CopyValue[] {
  return [
    id,
    item.key,
    item.type,
    item.title,
    item.points,
    item.initialPoints,
    item.createdAt,
    item.status,
    item.initialStatus,
    item.resolvedAt,
    item.parentKey,
    item.hasHistory,
    fieldsDigest,
    historyDigest,
    replaceHistory,
  ];
}

function* statusRows(histories: readonly HistoryWrite[]): Generator<CopyValue[]> {
  for (const { itemId, statusChanges } of histories) {
    for (const [seq, change] of statusChanges.entries()) {
      yield [itemId, seq, change.at, change.from, change.to];
    }
  }
}

function* sprintChangeRows(histories: readonly HistoryWrite[]): Generator<CopyValue[]> {
  for (const { itemId, sprintChanges } of histories) {
    for (const [seq, change] of sprintChanges.entries()) {
      yield [itemId, seq, change.at, change.sprintId, change.change];
    }
  }
}

function* estimateRows(histories: readonly HistoryWrite[]): Generator<CopyValue[]> {
  for (const { itemId, estimateChanges } of histories) {
    for (const [seq, change] of estimateChanges.entries()) {
      yield [itemId, seq, change.at, change.points];
    }
  }
}

function* membershipRows(histories: readonly HistoryWrite[]): Generator<CopyValue[]> {
  for (const { itemId, sprintIds } of histories) {
    for (const sprintId of sprintIds) yield [itemId, sprintId];
  }
}
