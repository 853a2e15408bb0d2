import type { EntityManager } from 'typeorm';
import { publishEvent } from '../notifications/outbox.repository.js';
import { teamOfWorkspace } from '../teams/team.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import type { TeamSource } from './team-source.entity.js';

/**
 * Publishes `sync.failed` in the transaction that marks the source broken: to the workspace's
 * editors (and admins) who follow the team. The run's id is the dedupe key — a run fails once.
 * The reason is the sync's own words (never the token).
 */
export async function publishSyncFailed(
  manager: EntityManager,
  source: Pick<TeamSource, 'workspaceId' | 'teamId'>,
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
    audience: { followersOf: [{ type: 'team', id: team.id }], editorsOnly: true },
    dedupeKey: `sync.failed:${runId}`,
    data: { teamId: team.id },
  });
}
