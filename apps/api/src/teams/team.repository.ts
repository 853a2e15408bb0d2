import type { PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
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

/** The team `id` of the workspace; one that is gone is an error (the caller holds a record of it). */
export function teamOfWorkspace(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Team> {
  return manager.getRepository(Team).findOneByOrFail({ id, workspaceId });
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

/** Those `ids` that are teams of the workspace, by name, then id. */
export function teamsByName(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Team[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Team).find({
    where: { workspaceId, id: In([...ids]) },
    order: { name: 'ASC', id: 'ASC' },
  });
}

const slugPosition = z.tuple([z.string()]);

/** The workspace's teams by slug, keyset-paged on the slug. */
export function teamPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
): Promise<{ rows: Team[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Team)
    .createQueryBuilder('team')
    .where('team.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, {
    keys: [{ sort: 'team.slug', valueOf: (team) => team.slug }],
    direction: 'ASC',
    shape: slugPosition,
  });
}

export function insertTeam(manager: EntityManager, values: DeepPartial<Team>): Promise<Team> {
  const teams = manager.getRepository(Team);
  return teams.save(teams.create(values));
}

/** Saves a team loaded in this workspace (its version checked by the caller). */
export function saveTeam(manager: EntityManager, team: Team): Promise<Team> {
  return manager.getRepository(Team).save(team);
}

/**
 * Holds the team `id` of the workspace against deletion until the caller's transaction ends
 * (`FOR KEY SHARE`: edits of the team go on); false when there is no such team. A record that
 * names a team without a foreign key (a program's dependency) takes it before naming the team,
 * so a deletion either waits and then sees that record, or the record finds the team gone.
 */
export async function holdTeam(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM "team" WHERE "id" = $1 AND "workspace_id" = $2 FOR KEY SHARE`,
    [id, workspaceId],
  );
  return rows.length > 0;
}

/**
 * The open dependencies (neither delivered nor cancelled) of the workspace's programs that name
 * the team on either side, by program and need-by date: a deletion would leave them needing
 * something of, or owing something to, nobody. Read after the team row is locked.
 */
export function openDependenciesNamingTeam(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<{ program: string; description: string; needBy: string }[]> {
  return manager.query<{ program: string; description: string; needBy: string }[]>(
    `SELECT p."name" AS "program", d."description", d."need_by"::text AS "needBy"
       FROM "program_dependency" d JOIN "program" p ON p."id" = d."program_id"
      WHERE d."workspace_id" = $1
        AND d."status" NOT IN ('delivered', 'cancelled')
        AND ((d."from_kind" = 'team' AND d."from_id" = $2)
          OR (d."to_kind" = 'team' AND d."to_id" = $2))
      ORDER BY p."name", d."need_by", d."id"`,
    [workspaceId, teamId],
  );
}

export async function deleteTeam(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager.getRepository(Team).delete({ id, workspaceId });
}
