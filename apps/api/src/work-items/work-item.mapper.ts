import type { WorkItem as WorkItemResponse, WorkItemDetail } from '@bearing/contracts';
import type { WorkItemEstimateChange } from './work-item-estimate-change.entity.js';
import type { WorkItemSprintChange } from './work-item-sprint-change.entity.js';
import type { WorkItemStatusChange } from './work-item-status-change.entity.js';
import type { WorkItem } from './work-item.entity.js';

export function toWorkItemResponse(item: WorkItem, sprintIds: string[]): WorkItemResponse {
  return {
    id: item.id,
    key: item.key,
    source: item.source,
    type: item.type,
    title: item.title,
    points: item.points,
    createdAt: item.createdAt.toISOString(),
    status: item.status,
    resolvedAt: item.resolvedAt?.toISOString() ?? null,
    parentKey: item.parentKey,
    hasHistory: item.hasHistory,
    sprintIds,
  };
}

export function toWorkItemDetail(
  item: WorkItem,
  sprintIds: string[],
  history: {
    statusChanges: WorkItemStatusChange[];
    sprintChanges: WorkItemSprintChange[];
    estimateChanges: WorkItemEstimateChange[];
  },
): WorkItemDetail {
  return {
    ...toWorkItemResponse(item, sprintIds),
    initialStatus: item.initialStatus,
    initialPoints: item.initialPoints,
    statusChanges: history.statusChanges.map((change) => ({
      at: change.at.toISOString(),
      from: change.fromStatus,
      to: change.toStatus,
    })),
    sprintChanges: history.sprintChanges.map((change) => ({
      at: change.at.toISOString(),
      sprintId: change.sprintId,
      change: change.change,
    })),
    estimateChanges: history.estimateChanges.map((change) => ({
      at: change.at.toISOString(),
      points: change.points,
    })),
  };
}
