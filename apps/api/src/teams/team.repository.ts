import { type EntityManager, In } from 'typeorm';
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

/**
 * Holds the team row for the rest of the transaction: one import per team at a time, and a
 * sprint deletion waits for a running import that may be writing that sprint's changes.
 * `FOR NO KEY UPDATE` leaves rows that merely reference the team (a sprint added meanwhile)
 * unblocked.
 */
export async function lockTeamForImport(manager: EntityManager, teamId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM team WHERE id = $1 FOR NO KEY UPDATE`, [teamId]);
}

/** Names of those `ids` that are teams of the workspace. */
export async function teamNames(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const teams = await manager
    .getRepository(Team)
    .find({ select: { id: true, name: true }, where: { workspaceId, id: In([...ids]) } });
  return new Map(teams.map(({ id, name }) => [id, name]));
}
