import type { SprintEvent, SprintWindow } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import type { Sprint } from '../sprints/sprint.entity.js';
import {
  estimateChangesOf,
  itemsEverInSprint,
  sprintChangesOf,
  statusChangesOf,
} from '../work-items/work-item-history.repository.js';

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
  const items = await itemsEverInSprint(manager, workspaceId, sprintId);
  if (items.length === 0) return [];
  const scope = { workspaceId, itemIds: items.map((item) => item.id) };
  const [memberships, estimates, statuses] = await inOrderIfTransaction(manager, [
    async () => byItem(await sprintChangesOf(manager, scope, sprintId)),
    async () => byItem(await estimateChangesOf(manager, scope)),
    async () => byItem(await statusChangesOf(manager, scope)),
  ] as const);
  const events: SprintEvent[] = [];
  for (const item of items) {
    const itemId = item.id;
    const createdAt = item.created_at.toISOString();
    const estimateHistory = [
      { at: createdAt, points: item.initial_points },
      ...(estimates.get(itemId) ?? []).map((row) => ({
        at: row.at.toISOString(),
        points: row.points,
      })),
    ];
    const pointsAt = (at: string): number => {
      let points: number | null = null;
      for (const estimate of estimateHistory) if (estimate.at <= at) points = estimate.points;
      return points ?? 0;
    };
    for (const row of memberships.get(itemId) ?? []) {
      const at = row.at.toISOString();
      events.push(
        row.change === 'added'
          ? { at, itemId, type: 'added', points: pointsAt(at) }
          : { at, itemId, type: 'removed' },
      );
    }
    for (const estimate of estimateHistory.slice(1)) {
      events.push({ at: estimate.at, itemId, type: 'estimated', points: estimate.points ?? 0 });
    }
    let wasDone = done.has(item.initial_status ?? item.status);
    if (wasDone) events.push({ at: createdAt, itemId, type: 'completed' });
    for (const row of statuses.get(itemId) ?? []) {
      const isDone = done.has(row.to_status);
      if (isDone !== wasDone) {
        events.push({ at: row.at.toISOString(), itemId, type: isDone ? 'completed' : 'reopened' });
      }
      wasDone = isDone;
    }
  }
  return events;
}

/**
 * Runs independent reads together, each on its own pooled connection — but one after the other
 * inside a transaction (a report's collector), where they share the transaction's connection.
 */
async function inOrderIfTransaction<const Reads extends readonly (() => Promise<unknown>)[]>(
  manager: EntityManager,
  reads: Reads,
): Promise<{ -readonly [Index in keyof Reads]: Awaited<ReturnType<Reads[Index]>> }> {
  type Results = { -readonly [Index in keyof Reads]: Awaited<ReturnType<Reads[Index]>> };
  if (!manager.queryRunner?.isTransactionActive) {
    return (await Promise.all(reads.map((read) => read()))) as Results;
  }
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}

/** Rows grouped by their item, each item's in the order read. */
function byItem<Row extends { work_item_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const list = grouped.get(row.work_item_id) ?? [];
    list.push(row);
    grouped.set(row.work_item_id, list);
  }
  return grouped;
}

/** The sprint's time box for the metrics; a sprint without dates has no report yet (409). */
export function sprintWindowOf(sprint: Sprint): SprintWindow {
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
