import type { EntityManager } from 'typeorm';
import { TeamSource } from '../team-source.entity.js';

export type TeamSourceStatusRow = Pick<
  TeamSource,
  'teamId' | 'state' | 'enabled' | 'lastSyncAt' | 'lastError' | 'failingSince'
> & { teamName: string; teamSlug: string };

/** Every source of the workspace with its team's name: failing first, then by team name. */
export async function sourceStatuses(
  manager: EntityManager,
  workspaceId: string,
): Promise<TeamSourceStatusRow[]> {
  const sources = await manager
    .getRepository(TeamSource)
    .createQueryBuilder('source')
    .innerJoinAndSelect('source.team', 'team', 'team.workspaceId = source.workspaceId')
    .where('source.workspaceId = :workspaceId', { workspaceId })
    .orderBy(
      `CASE WHEN source.state = 'broken' OR source.failingSince IS NOT NULL THEN 0 ELSE 1 END`,
    )
    .addOrderBy('team.name', 'ASC')
    .addOrderBy('source.id', 'ASC')
    .getMany();
  return sources.map((source) => ({
    teamId: source.teamId,
    teamName: source.team?.name ?? '',
    teamSlug: source.team?.slug ?? '',
    state: source.state,
    enabled: source.enabled,
    lastSyncAt: source.lastSyncAt,
    lastError: source.lastError,
    failingSince: source.failingSince,
  }));
}
