import type { EntityManager } from 'typeorm';

/**
 * Remembers the Jira site a team's JSON import came from, so its items link to their issues.
 * A file that names no site (a CSV export) leaves the known one as it is. Written without
 * touching the team's version: it is not something an editor changes.
 */
export async function rememberJiraSite(
  manager: EntityManager,
  teamId: string,
  site: string | null | undefined,
): Promise<void> {
  if (!site) return;
  await manager.query(
    `UPDATE team SET jira_site = $2 WHERE id = $1 AND jira_site IS DISTINCT FROM $2`,
    [teamId, site],
  );
}
