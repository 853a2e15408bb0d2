import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TeamWorkflow } from '@bearing/contracts';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { binaryCopyRows, type CopyType, type CopyValue } from '../../common/copy/binary-copy.js';
import { ProblemException } from '../../common/problem/problem.js';
import type { FlowContribution, RankedItem } from './flow-changes.js';

/**
 * SQL of the flow read model (`work_item_flow`, `team_flow_day`, `team_flow_model`). Rows come
 * back as plain objects: the hot read paths hydrate no entity.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A team as the flow reads need it, with the stamp its read model was computed with. */
export type FlowTeam = {
  id: string;
  timeZone: string;
  workflow: TeamWorkflow;
  calendar: { nonWorkingWeekdays: number[]; holidays: string[] };
  /** `null` when the team's read model was never built. */
  stamp: string | null;
};

/** The team `ref` (id or slug) of this workspace with its read model's stamp, in one query; or 404. */
export async function readFlowTeam(
  manager: EntityManager,
  workspaceId: string,
  ref: string,
): Promise<FlowTeam> {
  const [row]: {
    id: string;
    time_zone: string;
    workflow: TeamWorkflow;
    calendar: FlowTeam['calendar'];
    stamp: string | null;
  }[] = await manager.query(
    `SELECT team.id, team.time_zone, team.workflow, team.calendar, model.stamp
       FROM team LEFT JOIN team_flow_model model ON model.team_id = team.id
      WHERE team.workspace_id = $1 AND ${UUID.test(ref) ? 'team.id = $2::uuid' : 'team.slug = $2'}`,
    [workspaceId, ref],
  );
  if (!row) throw ProblemException.notFound(`There is no team "${ref}" here.`);
  return {
    id: row.id,
    timeZone: row.time_zone,
    workflow: row.workflow,
    calendar: row.calendar,
    stamp: row.stamp,
  };
}

/** Every team of the workspace with its read model's stamp, in one query (by slug). */
export async function readFlowTeams(
  manager: EntityManager,
  workspaceId: string,
): Promise<(FlowTeam & { workspaceId: string })[]> {
  const rows: {
    id: string;
    workspace_id: string;
    time_zone: string;
    workflow: TeamWorkflow;
    calendar: FlowTeam['calendar'];
    stamp: string | null;
  }[] = await manager.query(
    `SELECT team.id, team.workspace_id, team.time_zone, team.workflow, team.calendar, model.stamp
       FROM team LEFT JOIN team_flow_model model ON model.team_id = team.id
      WHERE team.workspace_id = $1
      ORDER BY team.slug`,
    [workspaceId],
  );
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    timeZone: row.time_zone,
    workflow: row.workflow,
    calendar: row.calendar,
    stamp: row.stamp,
  }));
}

/** One item's row of `work_item_flow`; days are epoch days. */
export type ItemFlowRow = {
  workItemId: string;
  key: string;
  title: string;
  hasHistory: boolean;
  createdDay: number;
  lastDay: number;
  entryDays: (number | null)[];
  committedDay: number | null;
  doneDay: number | null;
  cycleTime: number | null;
  leadTime: number | null;
  stage: number | null;
  doneRank: number | null;
};

/** One team day of `team_flow_day`. */
export type TeamFlowDayRow = {
  day: number;
  done: number;
  entered: number[];
  doneThrough: number;
  cycleCountsThrough: number[];
  leadCountsThrough: number[];
};

/** Replaces the team's read model rows and stamp, inside the caller's transaction. */
export async function replaceTeamFlow(
  manager: EntityManager,
  team: { workspaceId: string; teamId: string; stamp: string },
  items: readonly ItemFlowRow[],
  days: readonly TeamFlowDayRow[],
): Promise<void> {
  const { workspaceId, teamId, stamp } = team;
  await clearTeamFlow(manager, teamId);
  await writeChangedItems(manager, { workspaceId, teamId }, [], items, new Map());
  await insertDays(manager, teamId, days);
  await writeFlowStamp(manager, teamId, stamp);
}

/** How many items the team has still in their source (not marked removed), whatever their source. */
export async function countTeamItems(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<number> {
  const [row]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM work_item
      WHERE workspace_id = $1 AND team_id = $2 AND removed_at IS NULL`,
    [workspaceId, teamId],
  );
  return row?.count ?? 0;
}

/** Those of `ids` marked removed from their source: the flow metrics leave them out. */
export async function removedAmong(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM work_item
      WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND removed_at IS NOT NULL`,
    [workspaceId, ids],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Locks the team row for the rest of the transaction with the lock a row referencing it takes
 * (`FOR KEY SHARE`): a delete of the team waits for the transaction; edits of the team do not.
 */
export async function holdTeamAgainstDelete(manager: EntityManager, teamId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM team WHERE id = $1 FOR KEY SHARE`, [teamId]);
}

/** Deletes the team's rows (its stamp stays until the next is written). */
export async function clearTeamFlow(manager: EntityManager, teamId: string): Promise<void> {
  await manager.query(`DELETE FROM work_item_flow WHERE team_id = $1`, [teamId]);
  await manager.query(`DELETE FROM team_flow_day WHERE team_id = $1`, [teamId]);
}

/** What the stored rows of these items add to the team's days. */
export async function readContributions(
  manager: EntityManager,
  teamId: string,
  ids: readonly string[],
): Promise<FlowContribution[]> {
  if (ids.length === 0) return [];
  const rows: {
    has_history: boolean;
    entry_days: (number | null)[];
    done_day: number | null;
    cycle_time: number | null;
    lead_time: number | null;
  }[] = await manager.query(
    `SELECT has_history, entry_days, done_day, cycle_time, lead_time FROM work_item_flow
      WHERE team_id = $1 AND work_item_id = ANY($2::uuid[])`,
    [teamId, ids],
  );
  return rows.map((row) => ({
    hasHistory: row.has_history,
    entryDays: row.entry_days,
    doneDay: row.done_day,
    cycleTime: row.cycle_time,
    leadTime: row.lead_time,
  }));
}

const dayRowOf = (row: {
  day: number;
  done: number;
  entered: number[];
  done_through: number;
  cycle_counts_through: number[];
  lead_counts_through: number[];
}): TeamFlowDayRow => ({
  day: row.day,
  done: row.done,
  entered: row.entered,
  doneThrough: row.done_through,
  cycleCountsThrough: row.cycle_counts_through,
  leadCountsThrough: row.lead_counts_through,
});

/** How many of the team's items were finished before `day`. */
export async function readDoneBefore(
  manager: EntityManager,
  teamId: string,
  day: number,
): Promise<number> {
  const [row]: { done_through: number }[] = await manager.query(
    `SELECT done_through FROM team_flow_day WHERE team_id = $1 AND day < $2
      ORDER BY day DESC LIMIT 1`,
    [teamId, day],
  );
  return row?.done_through ?? 0;
}

/** The stored day rows from `firstDay` on, and the last one before it. */
export async function readDaysFrom(
  manager: EntityManager,
  teamId: string,
  firstDay: number,
): Promise<{ before: TeamFlowDayRow | null; from: TeamFlowDayRow[] }> {
  const rows: Parameters<typeof dayRowOf>[0][] = await manager.query(
    `(SELECT day, done, entered, done_through, cycle_counts_through, lead_counts_through
        FROM team_flow_day WHERE team_id = $1 AND day < $2 ORDER BY day DESC LIMIT 1)
     UNION ALL
     (SELECT day, done, entered, done_through, cycle_counts_through, lead_counts_through
        FROM team_flow_day WHERE team_id = $1 AND day >= $2 ORDER BY day)`,
    [teamId, firstDay],
  );
  const days = rows.map(dayRowOf);
  const before = days[0] !== undefined && days[0].day < firstDay ? days[0] : null;
  return { before, from: before ? days.slice(1) : days };
}

/**
 * The team's finished items ranked `firstRank` or later — in (done day, key) order, so every
 * one from some done day on — other than `except`, with their stored rank.
 */
export async function readFinishedFrom(
  manager: EntityManager,
  teamId: string,
  firstRank: number,
  except: readonly string[],
): Promise<(RankedItem & { rank: number })[]> {
  const rows: { id: string; key: string; done_day: number; done_rank: number; created_at: Date }[] =
    await manager.query(
      `SELECT flow.work_item_id AS id, flow.key, flow.done_day, flow.done_rank, item.created_at
         FROM work_item_flow flow JOIN work_item item ON item.id = flow.work_item_id
        WHERE flow.team_id = $1 AND flow.done_rank >= $2`,
      [teamId, firstRank],
    );
  // Left out here rather than in SQL: `NOT (id = ANY(…))` compares every row with every id.
  const left = new Set(except);
  return rows
    .filter((row) => !left.has(row.id))
    .map((row) => ({
      id: row.id,
      key: row.key,
      doneDay: row.done_day,
      createdAt: row.created_at.getTime(),
      rank: row.done_rank,
    }));
}

const ITEM_COLUMNS: readonly (readonly [string, CopyType])[] = [
  ['work_item_id', 'uuid'],
  ['workspace_id', 'uuid'],
  ['team_id', 'uuid'],
  ['key', 'text'],
  ['title', 'text'],
  ['has_history', 'bool'],
  ['created_day', 'int4'],
  ['last_day', 'int4'],
  ['entry_days', 'int4[]'],
  ['committed_day', 'int4'],
  ['done_day', 'int4'],
  ['cycle_time', 'int4'],
  ['lead_time', 'int4'],
  ['stage', 'int2'],
  ['done_rank', 'int4'],
];

const DAY_COLUMNS: readonly (readonly [string, CopyType])[] = [
  ['team_id', 'uuid'],
  ['day', 'int4'],
  ['done', 'int4'],
  ['entered', 'int4[]'],
  ['done_through', 'int4'],
  ['cycle_counts_through', 'int4[]'],
  ['lead_counts_through', 'int4[]'],
];

/** Streams `rows` into `table` with binary COPY, in the caller's transaction. */
async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly (readonly [string, CopyType])[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('the flow read model writes in a transaction');
  const client = (await runner.connect()) as pg.PoolClient;
  await pipeline(
    Readable.from(
      binaryCopyRows(
        columns.map(([, type]) => type),
        rows,
      ),
    ),
    client.query(
      copyFrom(
        `COPY ${table} (${columns.map(([name]) => name).join(', ')}) FROM STDIN WITH (FORMAT binary)`,
      ),
    ),
  );
}

/**
 * Replaces the rows of the items `ids` with `rows` (every one of them, recomputed) and moves the
 * ranks of other finished items to `reranked` — freed first, as the ranks are unique.
 */
export async function writeChangedItems(
  manager: EntityManager,
  team: { workspaceId: string; teamId: string },
  ids: readonly string[],
  rows: readonly ItemFlowRow[],
  reranked: ReadonlyMap<string, number>,
): Promise<void> {
  const { workspaceId, teamId } = team;
  if (ids.length > 0) {
    await manager.query(
      `DELETE FROM work_item_flow WHERE team_id = $1 AND work_item_id = ANY($2::uuid[])`,
      [teamId, ids],
    );
  }
  const movedIds = [...reranked.keys()];
  if (movedIds.length > 0) {
    await manager.query(
      `UPDATE work_item_flow SET done_rank = NULL
        WHERE team_id = $1 AND work_item_id = ANY($2::uuid[])`,
      [teamId, movedIds],
    );
  }
  await copyRows(
    manager,
    'work_item_flow',
    ITEM_COLUMNS,
    rows.map((row) => [
      row.workItemId,
      workspaceId,
      teamId,
      row.key,
      row.title,
      row.hasHistory,
      row.createdDay,
      row.lastDay,
      row.entryDays,
      row.committedDay,
      row.doneDay,
      row.cycleTime,
      row.leadTime,
      row.stage,
      row.doneRank,
    ]),
  );
  if (movedIds.length > 0) {
    await manager.query(
      `UPDATE work_item_flow flow SET done_rank = moved.rank
         FROM unnest($2::uuid[], $3::int[]) AS moved(id, rank)
        WHERE flow.team_id = $1 AND flow.work_item_id = moved.id`,
      [teamId, movedIds, [...reranked.values()]],
    );
  }
}

/** Replaces the team's day rows from `firstDay` on with `rows`. */
export async function replaceDaysFrom(
  manager: EntityManager,
  teamId: string,
  firstDay: number,
  rows: readonly TeamFlowDayRow[],
): Promise<void> {
  await manager.query(`DELETE FROM team_flow_day WHERE team_id = $1 AND day >= $2`, [
    teamId,
    firstDay,
  ]);
  await insertDays(manager, teamId, rows);
}

async function insertDays(
  manager: EntityManager,
  teamId: string,
  rows: readonly TeamFlowDayRow[],
): Promise<void> {
  await copyRows(
    manager,
    'team_flow_day',
    DAY_COLUMNS,
    rows.map((row) => [
      teamId,
      row.day,
      row.done,
      row.entered,
      row.doneThrough,
      row.cycleCountsThrough,
      row.leadCountsThrough,
    ]),
  );
}

/** Records the stamp the team's rows are now computed with. */
export async function writeFlowStamp(
  manager: EntityManager,
  teamId: string,
  stamp: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO team_flow_model (team_id, stamp, refreshed_at) VALUES ($1, $2, now())
     ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp, refreshed_at = now()`,
    [teamId, stamp],
  );
}

/**
 * The stage entries of the team's days from `firstDay` to `lastDay`, in order, after one row
 * (dated the day before `firstDay`) holding the sums of every earlier day's entries — all that
 * a cumulative count needs of them — so what is read does not grow with the team's history.
 */
export async function readFlowDays(
  manager: EntityManager,
  teamId: string,
  firstDay: number,
  lastDay: number,
): Promise<{ day: number; entered: number[] }[]> {
  return manager.query(
    `(SELECT $2::int - 1 AS day, array_agg(total ORDER BY stage) AS entered
        FROM (SELECT entry.stage, sum(entry.count)::int AS total
                FROM team_flow_day flow_day,
                     unnest(flow_day.entered) WITH ORDINALITY AS entry(count, stage)
               WHERE flow_day.team_id = $1 AND flow_day.day < $2
               GROUP BY entry.stage) sums
      HAVING count(*) > 0)
     UNION ALL
     (SELECT day, entered FROM team_flow_day
       WHERE team_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day)`,
    [teamId, firstDay, lastDay],
  );
}

/** The team's days with finished items from `firstDay` to `lastDay`, with their counts. */
export async function readDoneDays(
  manager: EntityManager,
  teamId: string,
  firstDay: number,
  lastDay: number,
): Promise<{ day: number; done: number }[]> {
  return manager.query(
    `SELECT day, done FROM team_flow_day
      WHERE team_id = $1 AND day BETWEEN $2 AND $3 AND done > 0 ORDER BY day`,
    [teamId, firstDay, lastDay],
  );
}

/** Running counts of the items finished on or before a day; `null` before any stored day. */
export type CountsThrough = { doneThrough: number; cycleCounts: number[]; leadCounts: number[] };

/** The running counts through `before` and through `upTo`, in one statement. */
export async function readCountsThrough(
  manager: EntityManager,
  teamId: string,
  days: { before: number; upTo: number },
): Promise<{ before: CountsThrough | null; upTo: CountsThrough | null }> {
  const rows: {
    which: 'before' | 'upTo';
    done_through: number;
    cycle_counts_through: number[];
    lead_counts_through: number[];
  }[] = await manager.query(
    `(SELECT 'before' AS which, done_through, cycle_counts_through, lead_counts_through
        FROM team_flow_day WHERE team_id = $1 AND day <= $2 ORDER BY day DESC LIMIT 1)
     UNION ALL
     (SELECT 'upTo', done_through, cycle_counts_through, lead_counts_through
        FROM team_flow_day WHERE team_id = $1 AND day <= $3 ORDER BY day DESC LIMIT 1)`,
    [teamId, days.before, days.upTo],
  );
  const of = (which: 'before' | 'upTo'): CountsThrough | null => {
    const row = rows.find((candidate) => candidate.which === which);
    return row
      ? {
          doneThrough: row.done_through,
          cycleCounts: row.cycle_counts_through,
          leadCounts: row.lead_counts_through,
        }
      : null;
  };
  return { before: of('before'), upTo: of('upTo') };
}

/** A finished item as the cycle-time scatter shows it. */
export type DoneItemRow = {
  key: string;
  done_day: number;
  cycle_time: number | null;
  lead_time: number | null;
};

/**
 * Which finished items to read, by their rank in (done day, key) order: every rank from `from`
 * to `to`, or `count` of the `total` ranks from `first` evenly spaced — ranks `first +
 * ⌊i × total ÷ count⌋` for i from 0 to count − 1.
 */
export type DoneRanks =
  { from: number; to: number } | { first: number; total: number; count: number };

/**
 * Finished items by their rank in (done day, key) order. Both forms are answered from the rank
 * index alone (it includes the columns read); the spaced ranks are made in SQL, so the
 * statement and its plan stay small however many points are asked for.
 */
export async function readDoneByRank(
  manager: EntityManager,
  teamId: string,
  ranks: DoneRanks,
): Promise<DoneItemRow[]> {
  if ('from' in ranks) {
    return manager.query(
      `SELECT key, done_day, cycle_time, lead_time FROM work_item_flow
        WHERE team_id = $1 AND done_rank BETWEEN $2 AND $3 ORDER BY done_rank`,
      [teamId, ranks.from, ranks.to],
    );
  }
  return manager.query(
    `SELECT key, done_day, cycle_time, lead_time FROM work_item_flow
      WHERE team_id = $1
        AND done_rank = ANY (ARRAY(
          SELECT ($2::int + (spaced.i::bigint * $3::int) / $4::int)::int
            FROM generate_series(0, $4::int - 1) AS spaced(i)))
      ORDER BY done_rank`,
    [teamId, ranks.first, ranks.total, ranks.count],
  );
}

/** An item in progress, as aging WIP lists it. */
export type InProgressRow = {
  id: string;
  key: string;
  title: string;
  committed_day: number;
  stage: number;
};

/**
 * Items with history that were committed and not done by the end of their history, whose
 * history ends on or before `asOf`: how many, and the oldest `limit` (ties on the last committed
 * day all come, so the caller can order them by key). Counting them and finding the last
 * committed day among the oldest `limit` read only the in-progress index (it includes the last
 * day of each one's history); only the rows of the items chosen are read from the table.
 */
export async function readInProgress(
  manager: EntityManager,
  teamId: string,
  asOf: number,
  limit: number,
): Promise<{ total: number; rows: InProgressRow[] }> {
  const rows: (InProgressRow & { total: number })[] = await manager.query(
    // Not materialized: each use is its own walk of the index, and the cutoff's, in committed
    // day order, stops at the `limit`-th item instead of sorting them all.
    `WITH in_progress AS NOT MATERIALIZED (
       SELECT committed_day FROM work_item_flow
        WHERE team_id = $1 AND has_history AND done_day IS NULL AND committed_day IS NOT NULL
          AND last_day <= $2),
     cutoff AS (SELECT committed_day FROM in_progress ORDER BY committed_day OFFSET $3 LIMIT 1)
     SELECT (SELECT count(*)::int FROM in_progress) AS total, oldest.work_item_id AS id,
            oldest.key, oldest.title, oldest.committed_day, oldest.stage
       FROM (SELECT 1) one
       LEFT JOIN work_item_flow oldest
         ON oldest.team_id = $1 AND oldest.has_history AND oldest.done_day IS NULL
        AND oldest.committed_day IS NOT NULL AND oldest.last_day <= $2
        -- No cutoff when there are no more items than the limit: all of them (largest int4).
        AND oldest.committed_day <= COALESCE((SELECT committed_day FROM cutoff), 2147483647)`,
    [teamId, asOf, limit - 1],
  );
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.filter((row) => row.id !== null),
  };
}

/**
 * Items with history that existed on `asOf` but changed after it: their stored rows describe
 * a later state, so aging WIP as of that day replays their history instead.
 */
export async function readChangedAfter(
  manager: EntityManager,
  teamId: string,
  asOf: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT work_item_id AS id FROM work_item_flow
      WHERE team_id = $1 AND has_history AND last_day > $2 AND created_day <= $2`,
    [teamId, asOf],
  );
  return rows.map((row) => row.id);
}
