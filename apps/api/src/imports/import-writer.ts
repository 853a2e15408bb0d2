import type { EntityManager } from 'typeorm';
import { insertImportedSprints, updateImportedSprints } from '../sprints/sprint.repository.js';
import {
  deleteHistoryOf,
  type HistoryColumns,
  insertHistory,
  insertItems,
  updateItems,
} from '../work-items/work-item-writes.repository.js';
import { type ImportPlan, JIRA_SOURCE, type PlannedItem } from './import-plan.js';

/** Items per round of statements: large enough to amortise round trips, small enough to stream. */
export const WRITE_BATCH = 2000;

/**
 * Writes an import plan inside the caller's transaction, batch by batch, through the bulk writes
 * of the sprints' and work items' repositories.
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
  const total = plan.items.insert.length + plan.items.update.length;
  let written = 0;
  for (const batch of batches(plan.items.insert)) {
    await insertItems(manager, { ...target, source: JIRA_SOURCE }, batch);
    await writeHistory(manager, plan.sprintIdOf, batch);
    written += batch.length;
    await onProgress(written, total);
  }
  for (const batch of batches(plan.items.update)) {
    await updateItems(manager, target, batch);
    const replaced = batch.filter((planned) => !planned.keepStoredHistory);
    if (replaced.length > 0) {
      await deleteHistoryOf(
        manager,
        replaced.map((planned) => planned.id),
      );
      await writeHistory(manager, plan.sprintIdOf, replaced);
    }
    written += batch.length;
    await onProgress(written, total);
  }
}

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    yield rows.slice(start, start + WRITE_BATCH);
  }
}

/** Lays the batch's histories out as columns and inserts them. */
async function writeHistory(
  manager: EntityManager,
  sprintIdOf: Map<string, string>,
  batch: PlannedItem[],
): Promise<void> {
  const columns: HistoryColumns = {
    status: { ids: [], seqs: [], ats: [], froms: [], tos: [] },
    sprint: { ids: [], seqs: [], ats: [], sprints: [], changes: [] },
    estimate: { ids: [], seqs: [], ats: [], points: [] },
    membership: { ids: [], sprints: [] },
  };
  const { status, sprint, estimate, membership } = columns;
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
  await insertHistory(manager, columns);
}
