import type { EntityManager } from 'typeorm';
import { type OutboxEventInput, publishEvent } from '../notifications/outbox.repository.js';
import { teamOfWorkspace } from '../teams/team.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import type { TeamSource } from './team-source.entity.js';

/**
 * Who hears that a team's sync stopped: the editor who saved its source last and the editors
 * (and admins) who follow the team — and when that is nobody (no follows, the saver left or is a
 * viewer now), the workspace's admins, so a stopped data feed is never told to no one.
 */
export function syncNoticeAudience(
  source: Pick<TeamSource, 'updatedByUserId'>,
  teamId: string,
): OutboxEventInput['audience'] {
  return {
    users: source.updatedByUserId ? [source.updatedByUserId] : [],
    followersOf: [{ type: 'team', id: teamId }],
    editorsOnly: true,
    adminsWhenNobody: true,
  };
}

/**
 * Publishes `sync.failed` in the transaction that marks the source broken, to
 * `syncNoticeAudience`. The run's id is the dedupe key — a run fails once. The reason is the
 * sync's own words (never the token).
 */
export async function publishSyncFailed(
  manager: EntityManager,
  source: Pick<TeamSource, 'workspaceId' | 'teamId' | 'updatedByUserId'>,
  runId: string,
  reason: string,
): Promise<void> {
  const team = await teamOfWorkspace(manager, source.workspaceId, source.teamId);
  await publishEvent(manager, {
    workspaceId: source.workspaceId,
    event: 'sync.failed',
    subject: { type: 'sync-run', id: runId },
    title: `${team.name}: Jira sync stopped`,
    body: `Jira refused the sync of ${team.name}, so its schedule is paused until someone fixes the connection or the source: ${reason}`,
    path: await workspaceWebPath(manager, source.workspaceId, `teams/${team.slug}?tab=source`),
    audience: syncNoticeAudience(source, team.id),
    dedupeKey: `sync.failed:${runId}`,
    data: { teamId: team.id },
  });
}

/**
 * Publishes `sync.failed` when a sync fails again after an earlier failure (not a refusal of
 * the credentials, which `publishSyncFailed` tells): a passing fault is not told, a lasting
 * one is, once per stretch of failures (the dedupe key holds when it began), to the same
 * audience.
 */
export async function publishSyncFailing(
  manager: EntityManager,
  source: Pick<TeamSource, 'id' | 'workspaceId' | 'teamId' | 'updatedByUserId'>,
  runId: string,
  failingSince: Date,
  reason: string,
  retryAt: Date,
): Promise<void> {
  const team = await teamOfWorkspace(manager, source.workspaceId, source.teamId);
  await publishEvent(manager, {
    workspaceId: source.workspaceId,
    event: 'sync.failed',
    subject: { type: 'sync-run', id: runId },
    title: `${team.name}: Jira sync failing`,
    body: `The Jira sync of ${team.name} failed again, so its data is not up to date. Bearing keeps trying, less often each time (next at ${retryAt.toISOString().slice(0, 16).replace('T', ' ')} UTC), until the source or its connection is fixed: ${reason}`,
    path: await workspaceWebPath(manager, source.workspaceId, `teams/${team.slug}?tab=source`),
    audience: syncNoticeAudience(source, team.id),
    dedupeKey: `sync.failing:${source.id}:${failingSince.toISOString()}`,
    data: { teamId: team.id },
  });
}
