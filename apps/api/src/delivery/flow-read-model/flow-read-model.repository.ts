import type { TeamWorkflow } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.js';

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

const ROWS_PER_STATEMENT = 5000;

const arrayLiteral = (values: readonly (number | null)[]) =>
  `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;

/** Replaces the team's read model rows and stamp, inside the caller's transaction. */
export async function replaceTeamFlow(
  manager: EntityManager,
  team: { workspaceId: string; teamId: string; stamp: string },
  items: readonly ItemFlowRow[],
  days: readonly TeamFlowDayRow[],
): Promise<void> {
  const { workspaceId, teamId, stamp } = team;
  await manager.query(`DELETE FROM work_item_flow WHERE team_id = $1`, [teamId]);
  await manager.query(`DELETE FROM team_flow_day WHERE team_id = $1`, [teamId]);
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) {
    const batch = items.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(
      `INSERT INTO work_item_flow (work_item_id, workspace_id, team_id, key, title, has_history,
          created_day, last_day, entry_days, committed_day, done_day, cycle_time, lead_time, stage,
          done_rank)
       SELECT u.id, $1, $2, u.key, u.title, u.has_history, u.created_day, u.last_day,
              u.entry_days::int[], u.committed_day, u.done_day, u.cycle_time, u.lead_time, u.stage,
              u.done_rank
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::boolean[], $7::int[], $8::int[],
              $9::text[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[])
           AS u(id, key, title, has_history, created_day, last_day, entry_days, committed_day,
                done_day, cycle_time, lead_time, stage, done_rank)`,
      [
        workspaceId,
        teamId,
        batch.map((row) => row.workItemId),
        batch.map((row) => row.key),
        batch.map((row) => row.title),
        batch.map((row) => row.hasHistory),
        batch.map((row) => row.createdDay),
        batch.map((row) => row.lastDay),
        batch.map((row) => arrayLiteral(row.entryDays)),
        batch.map((row) => row.committedDay),
        batch.map((row) => row.doneDay),
        batch.map((row) => row.cycleTime),
        batch.map((row) => row.leadTime),
        batch.map((row) => row.stage),
        batch.map((row) => row.doneRank),
      ],
    );
  }
  for (let start = 0; start < days.length; start += ROWS_PER_STATEMENT) {
    const batch = days.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(
      `INSERT INTO team_flow_day (team_id, day, done, entered, done_through, cycle_counts_through,
          lead_counts_through)
       SELECT $1, u.day, u.done, u.entered::int[], u.done_through, u.cycle::int[], u.lead::int[]
         FROM unnest($2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[])
           AS u(day, done, entered, done_through, cycle, lead)`,
      [
        teamId,
        batch.map((row) => row.day),
        batch.map((row) => row.done),
        batch.map((row) => arrayLiteral(row.entered)),
        batch.map((row) => row.doneThrough),
        batch.map((row) => arrayLiteral(row.cycleCountsThrough)),
        batch.map((row) => arrayLiteral(row.leadCountsThrough)),
      ],
    );
  }
  await manager.query(
    `INSERT INTO team_flow_model (team_id, stamp, refreshed_at) VALUES ($1, $2, now())
     ON CONFLICT (team_id) DO UPDATE SET stamp = EXCLUDED.stamp, refreshed_at = now()`,
    [teamId, stamp],
  );
}

/** The team's days with finished items or stage entries, up to `lastDay`, in order. */
export async function readFlowDays(
  manager: EntityManager,
  teamId: string,
  lastDay: number,
): Promise<{ day: number; done: number; entered: number[] }[]> {
  return manager.query(
    `SELECT day, done, entered FROM team_flow_day WHERE team_id = $1 AND day <= $2 ORDER BY day`,
    [teamId, lastDay],
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

/** Finished items by their rank in (done day, key) order: a range of ranks, or a list. */
export async function readDoneByRank(
  manager: EntityManager,
  teamId: string,
  ranks: { from: number; to: number } | number[],
): Promise<DoneItemRow[]> {
  const [condition, parameter] = Array.isArray(ranks)
    ? ['done_rank = ANY($2::int[])', ranks]
    : ['done_rank BETWEEN $2 AND $3', ranks.from];
  return manager.query(
    `SELECT key, done_day, cycle_time, lead_time FROM work_item_flow
      WHERE team_id = $1 AND ${condition} ORDER BY done_rank`,
    Array.isArray(ranks) ? [teamId, parameter] : [teamId, parameter, ranks.to],
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
 * day all come, so the caller can order them by key).
 */
export async function readInProgress(
  manager: EntityManager,
  teamId: string,
  asOf: number,
  limit: number,
): Promise<{ total: number; rows: InProgressRow[] }> {
  const rows: (InProgressRow & { total: number })[] = await manager.query(
    `WITH in_progress AS (
       SELECT work_item_id AS id, key, title, committed_day, stage FROM work_item_flow
        WHERE team_id = $1 AND has_history AND done_day IS NULL AND committed_day IS NOT NULL
          AND last_day <= $2),
     cutoff AS (SELECT committed_day FROM in_progress ORDER BY committed_day OFFSET $3 LIMIT 1)
     SELECT (SELECT count(*)::int FROM in_progress) AS total, in_progress.*
       FROM (SELECT 1) one
       LEFT JOIN in_progress
         ON in_progress.committed_day <= COALESCE((SELECT committed_day FROM cutoff),
                                                  in_progress.committed_day)`,
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
