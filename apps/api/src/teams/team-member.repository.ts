import type { PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
import { TeamMember } from './team-member.entity.js';

const namePosition = z.tuple([z.string(), z.uuid()]);

/**
 * A team's members by display name, keyset-paged on (display_name, id). The team is one the
 * caller found in its workspace (`findTeam`); members have no workspace of their own.
 */
export function teamMemberPage(
  manager: EntityManager,
  teamId: string,
  page: PageQuery,
): Promise<{ rows: TeamMember[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(TeamMember)
    .createQueryBuilder('member')
    .where('member.teamId = :teamId', { teamId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'member.displayName', valueOf: (member) => member.displayName },
      { sort: 'member.id', valueOf: (member) => member.id },
    ],
    direction: 'ASC',
    shape: namePosition,
  });
}

/** Every member of a team (found in its workspace by the caller), by display name. */
export function membersOfTeam(manager: EntityManager, teamId: string): Promise<TeamMember[]> {
  return manager
    .getRepository(TeamMember)
    .find({ where: { teamId }, order: { displayName: 'ASC', id: 'ASC' } });
}

/** Those of `ids` that are members of the team (found in its workspace by the caller). */
export function teamMembersByIds(
  manager: EntityManager,
  teamId: string,
  ids: readonly string[],
): Promise<TeamMember[]> {
  return manager.getRepository(TeamMember).findBy({ teamId, id: In([...ids]) });
}

/** The member of the team, locked for the rest of the transaction; null when there is none. */
export function lockTeamMember(
  manager: EntityManager,
  teamId: string,
  memberId: string,
): Promise<TeamMember | null> {
  return manager
    .getRepository(TeamMember)
    .createQueryBuilder('member')
    .setLock('pessimistic_write')
    .where('member.id = :memberId', { memberId })
    .andWhere('member.teamId = :teamId', { teamId })
    .getOne();
}

export function insertTeamMember(
  manager: EntityManager,
  values: DeepPartial<TeamMember>,
): Promise<TeamMember> {
  const members = manager.getRepository(TeamMember);
  return members.save(members.create(values));
}

export function saveTeamMember(manager: EntityManager, member: TeamMember): Promise<TeamMember> {
  return manager.getRepository(TeamMember).save(member);
}

/**
 * Removes a member (found in its team and workspace, and locked, by the caller) with their
 * availability in every sprint not closed. A closed sprint keeps the days it counted them for:
 * while one does, the member is only marked removed (hidden from the team and every sprint not
 * closed); otherwise they are deleted.
 */
export async function removeTeamMember(
  manager: EntityManager,
  { id, teamId }: Pick<TeamMember, 'id' | 'teamId'>,
): Promise<void> {
  await manager.query(
    `DELETE FROM "sprint_availability" WHERE "member_id" = $1 AND "default_allocation" IS NULL`,
    [id],
  );
  const [counted] = await manager.query<{ exists: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "sprint_availability" WHERE "member_id" = $1) AS "exists"`,
    [id],
  );
  const members = manager.getRepository(TeamMember);
  if (counted?.exists) await members.softDelete({ id, teamId });
  else await members.delete({ id, teamId });
}
