import type { EntityManager } from 'typeorm';
import {
  refreshTeamFlowOfItems,
  type WrittenItems,
} from '../delivery/flow-read-model/flow-read-model.service.js';
import { insertImportedSprints, updateImportedSprints } from '../sprints/sprint.repository.js';
import {
  freezeSprintAvailability,
  openSprintsAmong,
  thawSprintAvailability,
} from '../sprints/sprint-availability.repository.js';
import {
  type HistoryWrite,
  writeItemsThroughStaging,
} from '../work-items/work-item-writes.repository.js';
import { type ImportPlan, JIRA_SOURCE, type PlannedItem } from './import-plan.js';

/**
 * Writes an import plan inside the caller's transaction: the sprints first (items refer to
 * them), then every new and changed item with its history, streamed with COPY into staging
 * tables and moved into the real tables set-based (see `writeItemsThroughStaging`). Whatever
 * must follow the write in the same transaction (read models, the audit event) goes right after
 * this call.
 */
export async function writePlan(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  plan: ImportPlan,
  onProgress: (written: number, total: number) => Promise<void>,
): Promise<void> {
  const sprintTarget = { teamId: target.teamId, source: JIRA_SOURCE };
  const updated = (closed: boolean) =>
    plan.sprints.update
      .filter(({ sprint }) => (sprint.state === 'closed') === closed)
      .map(({ id }) => id);
  // A sprint Jira closes keeps the availability it closed with; one it reopens thaws.
  const closing = await openSprintsAmong(manager, target.teamId, updated(true));
  await insertImportedSprints(manager, sprintTarget, plan.sprints.insert);
  await updateImportedSprints(manager, sprintTarget, plan.sprints.update);
  await freezeSprintAvailability(manager, target.teamId, closing);
  await thawSprintAvailability(manager, target.teamId, updated(false));
  const { insert, update } = plan.items;
  const histories = [...insert, ...update]
    .filter((planned) => !planned.keepStoredHistory)
    .map((planned) => historyOf(planned, plan.sprintIdOf));
  await writeItemsThroughStaging(
    manager,
    { ...target, source: JIRA_SOURCE },
    { insert, update: update.map(withoutHistoryWhenKept) },
    histories,
  );
  const total = insert.length + update.length;
  await onProgress(total, total);
}

/**
 * Brings the team's flow read model up to date with what `writePlan` wrote, in the same
 * transaction: only the new and changed items are computed again (the whole team when its rows
 * were computed with another workflow or time zone). Call it after `writePlan` and after saving
 * a workflow the import extended.
 */
export async function refreshFlowOfPlan(
  manager: EntityManager,
  target: { workspaceId: string; teamId: string },
  plan: ImportPlan,
): Promise<void> {
  const items: { written: WrittenItems['written'][number][]; reread: string[] } = {
    written: [],
    reread: [],
  };
  for (const { id, item, keepStoredHistory } of [...plan.items.insert, ...plan.items.update]) {
    // A CSV row or a cut changelog over an item with history keeps part of what was stored:
    // read it back.
    if (keepStoredHistory) {
      items.reread.push(id);
      continue;
    }
    items.written.push({
      id,
      key: item.key,
      title: item.title,
      hasHistory: item.hasHistory,
      createdAt: item.createdAt,
      status: item.status,
      initialStatus: item.initialStatus,
      resolvedAt: item.resolvedAt,
      statusChanges: item.statusChanges,
    });
  }
  await refreshTeamFlowOfItems(manager, target.workspaceId, target.teamId, items);
}

/**
 * An update that keeps the stored history goes to the upsert as an item without history: the
 * upsert then keeps the stored history's fields too (first status and points, digest). A CSV row
 * already is one; an issue with a cut changelog carries history the plan decided not to use.
 */
function withoutHistoryWhenKept(planned: PlannedItem): PlannedItem {
  if (!planned.keepStoredHistory || !planned.item.hasHistory) return planned;
  return { ...planned, item: { ...planned.item, hasHistory: false } };
}

/** The item's history rows, its sprints by id (a sprint the plan did not place is left out). */
function historyOf({ id, item }: PlannedItem, sprintIdOf: Map<string, string>): HistoryWrite {
  const sprintChanges: HistoryWrite['sprintChanges'][number][] = [];
  for (const change of item.sprintChanges) {
    const sprintId = sprintIdOf.get(change.sprint);
    if (sprintId !== undefined)
      sprintChanges.push({ at: change.at, sprintId, change: change.change });
  }
  return {
    itemId: id,
    statusChanges: item.statusChanges,
    sprintChanges,
    estimateChanges: item.estimateChanges,
    // With history, the sprints an item was in are its `added` changes; only an item without
    // history (CSV) needs them listed.
    sprintIds: item.hasHistory
      ? []
      : [...new Set(item.sprints.flatMap((ref) => sprintIdOf.get(ref) ?? []))],
  };
}
