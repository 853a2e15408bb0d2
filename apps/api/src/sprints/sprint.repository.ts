import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from '../teams/team.repository.js';
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

/** A sprint as an import compares it with the file. */
export type StoredSprint = {
  id: string;
  name: string;
  startsAt: Date | null;
  endsAt: Date | null;
  goal: string;
  state: string;
  completedAt: Date | null;
  source: string;
  externalId: string | null;
};

/** Every sprint of the team (a team of the workspace). */
export async function teamSprints(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
): Promise<StoredSprint[]> {
  return manager.query(
    `SELECT sprint.id, sprint.name, sprint.starts_at AS "startsAt", sprint.ends_at AS "endsAt",
            sprint.goal, sprint.state, sprint.completed_at AS "completedAt", sprint.source,
            sprint.external_id AS "externalId"
       FROM sprint JOIN team ON team.id = sprint.team_id
      WHERE sprint.team_id = $1 AND team.workspace_id = $2`,
    [teamId, workspaceId],
  );
}

/** A sprint as an import writes it; instants are ISO-8601 strings. */
export type SprintWrite = {
  id: string;
  sprint: {
    name: string;
    start: string | null;
    end: string | null;
    goal: string;
    state: string;
    completedAt: string | null;
    externalId: string | null;
  };
};

function sprintColumns(rows: readonly SprintWrite[]): unknown[][] {
  return [
    rows.map(({ id }) => id),
    rows.map(({ sprint }) => sprint.name),
    rows.map(({ sprint }) => sprint.start),
    rows.map(({ sprint }) => sprint.end),
    rows.map(({ sprint }) => sprint.goal),
    rows.map(({ sprint }) => sprint.state),
    rows.map(({ sprint }) => sprint.completedAt),
    rows.map(({ sprint }) => sprint.externalId),
  ];
}

const SPRINT_UNNEST = `unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
  AS u(id, name, starts_at, ends_at, goal, state, completed_at, external_id)`;

/** Inserts imported sprints into the team, in one statement. */
export async function insertImportedSprints(
  manager: EntityManager,
  { teamId, source }: { teamId: string; source: string },
  rows: readonly SprintWrite[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO sprint (id, team_id, source, version, name, starts_at, ends_at, goal, state, completed_at, external_id)
     SELECT u.id, $1, $2, 1, u.name, u.starts_at, u.ends_at, u.goal, u.state, u.completed_at, u.external_id
       FROM ${SPRINT_UNNEST}`,
    [teamId, source, ...sprintColumns(rows)],
  );
}

/** Updates the team's sprints from an import (a new version each), in one statement. */
export async function updateImportedSprints(
  manager: EntityManager,
  { teamId, source }: { teamId: string; source: string },
  rows: readonly SprintWrite[],
): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE sprint SET name = u.name, starts_at = u.starts_at, ends_at = u.ends_at, goal = u.goal,
            state = u.state, completed_at = u.completed_at, external_id = u.external_id,
            source = $2, version = sprint.version + 1, updated_at = now()
       FROM ${SPRINT_UNNEST}
      WHERE sprint.id = u.id AND sprint.team_id = $1`,
    [teamId, source, ...sprintColumns(rows)],
  );
}

/**
 * Deletes every item's membership changes of a sprint that is being deleted: sprint changes
 * have no foreign key to the sprint (see WorkItemSprintChange), so the sprint's deletion takes
 * them along. Only items of the workspace.
 */
export async function deleteSprintChangesOf(
  manager: EntityManager,
  workspaceId: string,
  sprintId: string,
): Promise<void> {
  await manager.query(
    `DELETE FROM work_item_sprint_change change
      USING work_item item
      WHERE item.id = change.work_item_id AND change.sprint_id = $1 AND item.workspace_id = $2`,
    [sprintId, workspaceId],
  );
}

/** Unplanned sprints (no start) sort as if they started at the end of time: first. */
const startPosition = z.tuple([z.union([z.iso.datetime(), z.literal('infinity')]), z.uuid()]);
const SORT_START = `coalesce(sprint.starts_at, 'infinity'::timestamptz)`;

/**
 * A team's sprints (the team found in its workspace by the caller), latest start first,
 * keyset-paged on (start, id).
 */
export function sprintPage(
  manager: EntityManager,
  teamId: string,
  page: PageQuery,
): Promise<{ rows: Sprint[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Sprint)
    .createQueryBuilder('sprint')
    .where('sprint.teamId = :teamId', { teamId });
  return keysetPage(query, page, {
    keys: [
      {
        sort: SORT_START,
        cast: 'timestamptz',
        valueOf: (sprint) => sprint.startsAt?.toISOString() ?? 'infinity',
      },
      { sort: 'sprint.id', valueOf: (sprint) => sprint.id },
    ],
    direction: 'DESC',
    shape: startPosition,
  });
}

export function insertSprint(manager: EntityManager, values: DeepPartial<Sprint>): Promise<Sprint> {
  const sprints = manager.getRepository(Sprint);
  return sprints.save(sprints.create(values));
}

/** Saves a sprint found in its team and workspace (its version checked by the caller). */
export function saveSprint(manager: EntityManager, sprint: Sprint): Promise<Sprint> {
  return manager.getRepository(Sprint).save(sprint);
}

export async function deleteSprint(
  manager: EntityManager,
  { id, teamId }: Pick<Sprint, 'id' | 'teamId'>,
): Promise<void> {
  await manager.getRepository(Sprint).delete({ id, teamId });
}
