import type { SprintEvent, SprintWindow } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import type { ReportSprint } from './sprint-reports.repository.js';

/**
 * The metrics spec's `SprintEvent` stream of one sprint, from the history of the items that
 * were ever in it:
 * - `added` / `removed` from the sprint-membership changes, `added` carrying the item's
 *   estimate at that moment (0 when unestimated);
 * - `estimated` from every estimate change (the replay ignores those while the item is out of
 *   scope);
 * - `completed` when the item moves into a done status from one that is not, `reopened` the
 *   other way round (an item created in a done status is completed at creation).
 * Items without history (CSV imports) have no membership changes and so no events. Only items
 * of the workspace count, whatever the sprint id.
 */
export async function loadSprintEvents(
  manager: EntityManager,
  { workspaceId, sprintId }: { workspaceId: string; sprintId: string },
  done: ReadonlySet<string>,
): Promise<SprintEvent[]> {
  const events = await loadSprintEventsOf(manager, workspaceId, [sprintId], done);
  return events.get(sprintId) ?? [];
}

/**
 * `loadSprintEvents` of several sprints in ONE statement: each item ever in one of the sprints
 * with its membership changes of that sprint and its whole estimate and status history, each
 * list in order. Every sprint asked for is in the map (with no events if it had no items).
 */
export async function loadSprintEventsOf(
  manager: EntityManager,
  workspaceId: string,
  sprintIds: readonly string[],
  done: ReadonlySet<string>,
): Promise<Map<string, SprintEvent[]>> {
  const bySprint = new Map<string, SprintEvent[]>(sprintIds.map((id) => [id, []]));
  if (sprintIds.length === 0) return bySprint;
  const rows = await manager.query<SprintItemHistoryRow[]>(SPRINT_ITEM_HISTORY, [
    [...new Set(sprintIds)],
    workspaceId,
  ]);
  for (const row of rows) bySprint.get(row.sprint_id)?.push(...eventsOfItem(row, done));
  return bySprint;
}

/** Instants travel as epoch milliseconds (what a `Date` holds), lists as JSON arrays. */
const EPOCH_MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)`;

const SPRINT_ITEM_HISTORY = `
  SELECT "ever"."sprint_id", "item"."id", "item"."initial_status", "item"."status",
         "item"."initial_points", ${EPOCH_MS('"item"."created_at"')}::float8 AS "created_ms",
         (SELECT coalesce(json_agg(json_build_array(${EPOCH_MS('"change"."at"')}, "change"."change")
                                   ORDER BY "change"."seq"), '[]')
            FROM "work_item_sprint_change" "change"
           WHERE "change"."work_item_id" = "item"."id"
             AND "change"."sprint_id" = "ever"."sprint_id") AS "memberships",
         (SELECT coalesce(json_agg(json_build_array(${EPOCH_MS('"change"."at"')}, "change"."points")
                                   ORDER BY "change"."seq"), '[]')
            FROM "work_item_estimate_change" "change"
           WHERE "change"."work_item_id" = "item"."id") AS "estimates",
         (SELECT coalesce(json_agg(json_build_array(${EPOCH_MS('"change"."at"')}, "change"."to_status")
                                   ORDER BY "change"."seq"), '[]')
            FROM "work_item_status_change" "change"
           WHERE "change"."work_item_id" = "item"."id") AS "statuses"
    FROM (SELECT DISTINCT "sprint_id", "work_item_id" FROM "work_item_sprint_change"
           WHERE "sprint_id" = ANY($1::uuid[])) AS "ever"
    JOIN "work_item" "item" ON "item"."id" = "ever"."work_item_id"
   WHERE "item"."workspace_id" = $2 AND "item"."has_history" AND "item"."removed_at" IS NULL
   ORDER BY "ever"."sprint_id", "item"."id"`;

type SprintItemHistoryRow = {
  sprint_id: string;
  id: string;
  initial_status: string | null;
  status: string;
  initial_points: number | null;
  created_ms: number;
  memberships: [number, 'added' | 'removed'][];
  estimates: [number, number | null][];
  statuses: [number, string][];
};

/** One item's events in its sprint: memberships, then estimates, then completions. */
function eventsOfItem(row: SprintItemHistoryRow, done: ReadonlySet<string>): SprintEvent[] {
  const itemId = row.id;
  const iso = (epochMs: number) => new Date(epochMs).toISOString();
  const createdAt = iso(row.created_ms);
  const estimateHistory = [
    { at: createdAt, points: row.initial_points },
    ...row.estimates.map(([at, points]) => ({ at: iso(at), points })),
  ];
  const pointsAt = (at: string): number => {
    let points: number | null = null;
    for (const estimate of estimateHistory) if (estimate.at <= at) points = estimate.points;
    return points ?? 0;
  };
  const events: SprintEvent[] = [];
  for (const [epochMs, change] of row.memberships) {
    const at = iso(epochMs);
    events.push(
      change === 'added'
        ? { at, itemId, type: 'added', points: pointsAt(at) }
        : { at, itemId, type: 'removed' },
    );
  }
  for (const estimate of estimateHistory.slice(1)) {
    events.push({ at: estimate.at, itemId, type: 'estimated', points: estimate.points ?? 0 });
  }
  let wasDone = done.has(row.initial_status ?? row.status);
  if (wasDone) events.push({ at: createdAt, itemId, type: 'completed' });
  for (const [epochMs, toStatus] of row.statuses) {
    const isDone = done.has(toStatus);
    if (isDone !== wasDone) {
      events.push({ at: iso(epochMs), itemId, type: isDone ? 'completed' : 'reopened' });
    }
    wasDone = isDone;
  }
  return events;
}

/** The sprint's time box for the metrics; a sprint without dates has no report yet (409). */
export function sprintWindowOf(sprint: Omit<ReportSprint, 'id'>): SprintWindow {
  if (!sprint.startsAt || !sprint.endsAt) {
    throw ProblemException.conflict(
      'sprint-undated',
      `Sprint "${sprint.name}" has no start and end yet, so there is nothing to report.`,
    );
  }
  const start = sprint.startsAt.getTime();
  if (
    sprint.endsAt.getTime() < start ||
    (sprint.completedAt && sprint.completedAt.getTime() < start)
  ) {
    throw ProblemException.conflict(
      'sprint-dates',
      `Sprint "${sprint.name}" ends or was completed before it started; correct its dates first.`,
    );
  }
  return {
    start: sprint.startsAt.toISOString(),
    end: sprint.endsAt.toISOString(),
    completedAt: sprint.completedAt?.toISOString() ?? null,
  };
}
