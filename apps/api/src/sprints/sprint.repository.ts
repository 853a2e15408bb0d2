import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from '../teams/team-lookup.js';
import type { Team } from '../teams/team.entity.js';
import { Sprint } from './sprint.entity.js';

/** The team (of this workspace) and its sprint `sprintId`, or 404. */
export async function findTeamSprint(
  manager: EntityManager,
  workspaceId: string,
  teamRef: string,
  sprintId: string,
  lock = false,
): Promise<{ team: Team; sprint: Sprint }> {
  const team = await findTeam(manager, workspaceId, teamRef);
  const query = manager
    .getRepository(Sprint)
    .createQueryBuilder('sprint')
    .where('sprint.id = :sprintId', { sprintId })
    .andWhere('sprint.teamId = :teamId', { teamId: team.id });
  if (lock) query.setLock('pessimistic_write');
  const sprint = await query.getOne();
  if (!sprint) throw ProblemException.notFound('There is no such sprint in this team.');
  return { team, sprint };
}
