import type { JiraSource, SyncRun as SyncRunResponse } from '@bearing/contracts';
import type { SyncRun } from './sync-run.entity.js';
import type { TeamSource } from './team-source.entity.js';

export function toJiraSourceResponse(source: TeamSource, webhookUrl?: string): JiraSource {
  return {
    id: source.id,
    teamId: source.teamId,
    connectionId: source.connectionId,
    ...(source.jql === null ? {} : { jql: source.jql }),
    ...(source.boardId === null ? {} : { boardId: source.boardId }),
    storyPointsField: source.storyPointsField,
    statuses: source.statuses,
    intervalMinutes: source.intervalMinutes,
    enabled: source.enabled,
    state: source.state,
    lastSyncAt: source.lastSyncAt?.toISOString() ?? null,
    lastError: source.lastError,
    failingSince: source.failingSince?.toISOString() ?? null,
    retryAt:
      source.state === 'broken' || source.failingSince === null
        ? null
        : (source.retryAt?.toISOString() ?? null),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
    version: source.version,
  };
}

export function toSyncRunResponse(run: SyncRun): SyncRunResponse {
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    mode: run.mode,
    pages: run.pages,
    counts: {
      created: run.created,
      updated: run.updated,
      unchanged: run.unchanged,
      removed: run.removed,
    },
    requests: run.requests,
    retries: run.retries,
    error: run.error,
  };
}
