import type { EntityManager } from 'typeorm';
import { WorkItemEstimateChange } from './work-item-estimate-change.entity.js';
import { WorkItemSprintChange } from './work-item-sprint-change.entity.js';
import { WorkItemStatusChange } from './work-item-status-change.entity.js';
import { WorkItem } from './work-item.entity.js';

/** The work item of this team and workspace (also one Jira removed), or null. */
export function findTeamWorkItem(
  manager: EntityManager,
  { workspaceId, teamId }: { workspaceId: string; teamId: string },
  id: string,
): Promise<WorkItem | null> {
  return manager.getRepository(WorkItem).findOneBy({ id, teamId, workspaceId });
}

/**
 * A work item's status, sprint and estimate changes, each in the order they happened. The item
 * is one the caller found in its workspace (`findTeamWorkItem`); history rows have no workspace
 * of their own.
 */
export async function workItemChanges(
  manager: EntityManager,
  workItemId: string,
): Promise<{
  statusChanges: WorkItemStatusChange[];
  sprintChanges: WorkItemSprintChange[];
  estimateChanges: WorkItemEstimateChange[];
}> {
  const order = { seq: 'ASC' } as const;
  const where = { workItemId };
  const [statusChanges, sprintChanges, estimateChanges] = await Promise.all([
    manager.getRepository(WorkItemStatusChange).find({ where, order }),
    manager.getRepository(WorkItemSprintChange).find({ where, order }),
    manager.getRepository(WorkItemEstimateChange).find({ where, order }),
  ]);
  return { statusChanges, sprintChanges, estimateChanges };
}
