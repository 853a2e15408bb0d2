import type { EntityManager } from 'typeorm';
import { insertImportedSprints, updateImportedSprints } from '../sprints/sprint.repository.js';
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
  await insertImportedSprints(manager, sprintTarget, plan.sprints.insert);
  await updateImportedSprints(manager, sprintTarget, plan.sprints.update);
  const { insert, update } = plan.items;
  const histories = [...insert, ...update]
    .filter((planned) => !planned.keepStoredHistory)
    .map((planned) => historyOf(planned, plan.sprintIdOf));
  await writeItemsThroughStaging(
    manager,
    { ...target, source: JIRA_SOURCE },
    { insert, update },
    histories,
  );
  const total = insert.length + update.length;
  await onProgress(total, total);
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
