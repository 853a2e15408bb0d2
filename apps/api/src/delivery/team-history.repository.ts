import type { TeamWorkflow } from '@bearing/contracts';
import type { WorkItemHistory } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { teamItems, teamStatusChanges } from '../work-items/work-item-history.repository.js';

/** A work item as the flow metrics see it, with what the read models show next to it. */
export type FlowItem = WorkItemHistory & { key: string; title: string; hasHistory: boolean };

/**
 * Every work item of a team as a `WorkItemHistory` (the metrics spec's input), in creation
 * order. Two queries: the items, then all their status changes in order.
 *
 * An item without history (imported from a CSV) only knows its current status and when it was
 * resolved; it is given the one change that says so — into its status at its resolution, when
 * that status is a done status — which is exactly what lead time and throughput need, and
 * nothing more. The cycle-time, CFD, WIP and aging read models leave such items out.
 */
export async function loadFlowItems(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  workflow: TeamWorkflow,
): Promise<FlowItem[]> {
  const rows = await teamItems(manager, workspaceId, teamId);
  const changes = await teamStatusChanges(manager, workspaceId, teamId);
  const changesOf = new Map<string, { at: string; to: string }[]>();
  for (const change of changes) {
    const list = changesOf.get(change.work_item_id) ?? [];
    list.push({ at: change.at.toISOString(), to: change.to_status });
    changesOf.set(change.work_item_id, list);
  }
  const done = doneStatuses(workflow);
  return rows.map((row) => {
    const createdAt = row.created_at.toISOString();
    const base = {
      id: row.id,
      key: row.key,
      title: row.title,
      hasHistory: row.has_history,
      createdAt,
    };
    if (row.has_history) {
      return {
        ...base,
        initialStatus: row.initial_status ?? row.status,
        changes: changesOf.get(row.id) ?? [],
      };
    }
    const resolved = row.resolved_at !== null && done.has(row.status);
    return {
      ...base,
      // No stage maps the empty status: the item enters the flow only when it is resolved.
      initialStatus: '',
      changes: resolved ? [{ at: (row.resolved_at as Date).toISOString(), to: row.status }] : [],
    };
  });
}

/** Statuses of the done stage and every stage after it. */
export function doneStatuses(workflow: TeamWorkflow): Set<string> {
  const doneIndex = workflow.stages.findIndex((stage) => stage.name === workflow.doneStage);
  return new Set(workflow.stages.slice(Math.max(0, doneIndex)).flatMap((stage) => stage.statuses));
}
