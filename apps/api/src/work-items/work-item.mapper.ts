import type { WorkItem as WorkItemResponse, WorkItemDetail } from '@bearing/contracts';
import { jiraBrowseUrl } from './jira-site.js';
import type { WorkItemEstimateChange } from './work-item-estimate-change.entity.js';
import type { WorkItemSprintChange } from './work-item-sprint-change.entity.js';
import type { WorkItemStatusChange } from './work-item-status-change.entity.js';
import type { WorkItem } from './work-item.entity.js';

/** `jiraSite`: the team's Jira site, when known, for the link to the item's issue. */
export function toWorkItemResponse(
  item: WorkItem,
  sprintIds: string[],
  jiraSite: string | null,
): WorkItemResponse {
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
    url: jiraBrowseUrl(jiraSite, item.key),
  };
}

export function toWorkItemDetail(
  item: WorkItem,
  sprintIds: string[],
  jiraSite: string | null,
  history: {
    statusChanges: WorkItemStatusChange[];
    sprintChanges: WorkItemSprintChange[];
    estimateChanges: WorkItemEstimateChange[];
  },
): WorkItemDetail {
  return {
    ...toWorkItemResponse(item, sprintIds, jiraSite),
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
