import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { Team } from './team.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The team `ref` (id or slug) of *this* workspace, or 404 — a team of another workspace is
 * simply not found. `lock` holds the row for the rest of the caller's transaction.
 */
export async function findTeam(
  manager: EntityManager,
  workspaceId: string,
  ref: string,
  lock = false,
): Promise<Team> {
  const query = manager
    .getRepository(Team)
    .createQueryBuilder('team')
    .where('team.workspaceId = :workspaceId', { workspaceId })
    .andWhere(UUID.test(ref) ? 'team.id = :ref' : 'team.slug = :ref', { ref });
  if (lock) query.setLock('pessimistic_write');
  const team = await query.getOne();
  if (!team) throw ProblemException.notFound(`There is no team "${ref}" here.`);
  return team;
}

/** 409 unless the caller edited the version that is stored (optimistic concurrency). */
export function assertVersion(what: string, stored: number, sent: number): void {
  if (stored !== sent) {
    throw ProblemException.conflict(
      'stale-version',
      `This ${what} changed since you loaded it (version ${stored}, not ${sent}); reload and try again.`,
    );
  }
}
