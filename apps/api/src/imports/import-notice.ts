import type { ImportResult } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { publishEvent } from '../notifications/outbox.repository.js';
import { teamOfWorkspace } from '../teams/team.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import type { ImportJob } from './import-job.entity.js';

/**
 * Publishes `import.failed` in the transaction that records the failure: to the workspace's
 * editors (and admins) who follow the team. The import's id is the dedupe key — an import
 * fails once.
 */
export async function publishImportFailed(
  manager: EntityManager,
  job: Pick<ImportJob, 'id' | 'workspaceId' | 'teamId' | 'fileName'>,
  result: ImportResult,
): Promise<void> {
  const team = await teamOfWorkspace(manager, job.workspaceId, job.teamId);
  const why = result.problems[0]?.message ?? 'the import failed; nothing was stored';
  await publishEvent(manager, {
    workspaceId: job.workspaceId,
    event: 'import.failed',
    subject: { type: 'import', id: job.id },
    title: `${team.name}: import of ${job.fileName} failed`,
    body: `The import of ${job.fileName} into ${team.name} failed: ${why}.${result.problems.length > 1 ? ` ${result.problems.length} problems in all; the import history lists them.` : ''}`,
    path: await workspaceWebPath(manager, job.workspaceId, `teams/${team.slug}?tab=import`),
    audience: { followersOf: [{ type: 'team', id: team.id }], editorsOnly: true },
    dedupeKey: `import.failed:${job.id}`,
    data: { teamId: team.id, fileName: job.fileName, problems: result.problems.length },
  });
}
