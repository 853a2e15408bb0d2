import type { TeamWorkflow } from '@bearing/contracts';
import type { WorkItemHistory } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import {
  statusChangesOfItems,
  type TeamItemRow,
  teamItems,
  teamItemIds,
  teamItemsWithIds,
  teamStatusChanges,
} from '../work-items/work-item-history.repository.js';

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
  return flowItemsOf(rows, changes, workflow);
}

/**
 * `loadFlowItems` a chunk at a time, in the same order: each chunk's items and status changes
 * are read, handed to `each`, and let go before the next — a team's whole history (every status
 * change of years) is never held at once.
 */
export async function forEachFlowItemChunk(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  workflow: TeamWorkflow,
  chunkSize: number,
  each: (items: FlowItem[]) => void,
): Promise<void> {
  const ids = await teamItemIds(manager, workspaceId, teamId);
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    each(await loadFlowItemsWithIds(manager, workspaceId, teamId, workflow, chunk));
  }
}

/** `loadFlowItems` for the team's items among `ids` only. */
export async function loadFlowItemsWithIds(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  workflow: TeamWorkflow,
  ids: readonly string[],
): Promise<FlowItem[]> {
  if (ids.length === 0) return [];
  const rows = await teamItemsWithIds(manager, workspaceId, teamId, ids);
  const changes = await statusChangesOfItems(manager, workspaceId, teamId, ids);
  return flowItemsOf(rows, changes, workflow);
}

function flowItemsOf(
  rows: readonly TeamItemRow[],
  changes: readonly { work_item_id: string; at: Date; to_status: string }[],
  workflow: TeamWorkflow,
): FlowItem[] {
  const changesOf = new Map<string, { at: string; to: string }[]>();
  for (const change of changes) {
    const list = changesOf.get(change.work_item_id) ?? [];
    list.push({ at: change.at.toISOString(), to: change.to_status });
    changesOf.set(change.work_item_id, list);
  }
  const done = doneStatuses(workflow);
  return rows.map((row) =>
    flowItemOf(
      {
        id: row.id,
        key: row.key,
        title: row.title,
        hasHistory: row.has_history,
        createdAt: row.created_at.toISOString(),
        status: row.status,
        initialStatus: row.initial_status,
        resolvedAt: row.resolved_at === null ? null : row.resolved_at.toISOString(),
        statusChanges: changesOf.get(row.id) ?? [],
      },
      done,
    ),
  );
}

/** An item's stored fields and status changes, as `flowItemOf` takes them; instants in ISO-8601. */
export type StoredFlowFields = {
  id: string;
  key: string;
  title: string;
  hasHistory: boolean;
  createdAt: string;
  status: string;
  initialStatus: string | null;
  resolvedAt: string | null;
  statusChanges: readonly { at: string; to: string }[];
};

/**
 * One item as `loadFlowItems` reads it, from its stored fields — so an import can hand over the
 * items it has just written without reading them back. `done` is `doneStatuses(workflow)`.
 */
export function flowItemOf(fields: StoredFlowFields, done: ReadonlySet<string>): FlowItem {
  const base = {
    id: fields.id,
    key: fields.key,
    title: fields.title,
    hasHistory: fields.hasHistory,
    createdAt: fields.createdAt,
  };
  if (fields.hasHistory) {
    return {
      ...base,
      initialStatus: fields.initialStatus ?? fields.status,
      changes: fields.statusChanges.map(({ at, to }) => ({ at, to })),
    };
  }
  const resolved = fields.resolvedAt !== null && done.has(fields.status);
  return {
    ...base,
    // No stage maps the empty status: the item enters the flow only when it is resolved.
    initialStatus: '',
    changes: resolved ? [{ at: fields.resolvedAt as string, to: fields.status }] : [],
  };
}

/** Statuses of the done stage and every stage after it. */
export function doneStatuses(workflow: TeamWorkflow): Set<string> {
  const doneIndex = workflow.stages.findIndex((stage) => stage.name === workflow.doneStage);
  return new Set(workflow.stages.slice(Math.max(0, doneIndex)).flatMap((stage) => stage.statuses));
}
