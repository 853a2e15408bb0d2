import type { PageQuery } from '@bearing/contracts';
import {
  type DeepPartial,
  type EntityManager,
  In,
  LessThanOrEqual,
  MoreThanOrEqual,
  Not,
} from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../../common/pagination/keyset-page.js';
import { Objective } from './objective.entity.js';

/** Titles of those `ids` that are objectives of the workspace. */
export async function objectiveTitles(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const objectives = await manager
    .getRepository(Objective)
    .find({ select: { id: true, title: true }, where: { workspaceId, id: In([...ids]) } });
  return new Map(objectives.map(({ id, title }) => [id, title]));
}

/**
 * Whether `objectiveId` is `parentId` or among its ancestors, walking up the alignment tree of
 * the workspace from `parentId`: making it the parent would close a cycle.
 */
export async function isAmongAncestors(
  manager: EntityManager,
  workspaceId: string,
  { objectiveId, parentId }: { objectiveId: string; parentId: string },
): Promise<boolean> {
  const [row]: { cycle: boolean }[] = await manager.query(
    `WITH RECURSIVE "ancestor" ("id", "parent_id") AS (
       SELECT "id", "parent_id" FROM "objective" WHERE "id" = $1 AND "workspace_id" = $2
       UNION
       SELECT "objective"."id", "objective"."parent_id"
         FROM "objective" JOIN "ancestor" ON "objective"."id" = "ancestor"."parent_id"
        WHERE "objective"."workspace_id" = $2
     )
     SELECT EXISTS (SELECT 1 FROM "ancestor" WHERE "id" = $3) AS "cycle"`,
    [parentId, workspaceId, objectiveId],
  );
  return row?.cycle === true;
}

/**
 * The objective's status, its row share-locked for the rest of the transaction so it cannot be
 * closed meanwhile; `undefined` when it is not an objective of the workspace.
 */
export async function shareLockedStatus(
  manager: EntityManager,
  workspaceId: string,
  objectiveId: string,
): Promise<string | undefined> {
  const [objective]: { status: string }[] = await manager.query(
    `SELECT "status" FROM "objective" WHERE "id" = $1 AND "workspace_id" = $2 FOR SHARE`,
    [objectiveId, workspaceId],
  );
  return objective?.status;
}

/**
 * The workspace's objectives with their owner and period, oldest first, keyset-paged on
 * (created_at, id); filtered by period, owner and status when given, and by `linkedToProgram`
 * (an SQL condition on the alias `objective` binding `:program`) with `program`.
 */
export function objectivePage(
  manager: EntityManager,
  workspaceId: string,
  filters: {
    period?: string | undefined;
    owner?: string | undefined;
    status?: string | undefined;
    program?: { id: string; linkedToProgram: (alias: string) => string } | undefined;
  },
  page: PageQuery,
): Promise<{ rows: Objective[]; nextCursor: string | null }> {
  const { period, owner, status, program } = filters;
  const query = manager
    .getRepository(Objective)
    .createQueryBuilder('objective')
    .innerJoinAndSelect('objective.owner', 'owner')
    .innerJoinAndSelect('objective.period', 'period')
    .where('objective.workspaceId = :workspaceId', { workspaceId });
  if (period) query.andWhere('objective.periodId = :period', { period });
  if (owner) query.andWhere('objective.ownerUserId = :owner', { owner });
  if (status) query.andWhere('objective.status = :status', { status });
  if (program) query.andWhere(program.linkedToProgram('objective'), { program: program.id });
  return keysetPage(query, page, createdAtIdOrder('objective', 'ASC'));
}

export function insertObjective(
  manager: EntityManager,
  values: DeepPartial<Objective>,
): Promise<Objective> {
  const objectives = manager.getRepository(Objective);
  return objectives.save(objectives.create(values));
}

/** Saves an objective loaded in this workspace (its version checked by the caller). */
export function saveObjective(manager: EntityManager, objective: Objective): Promise<Objective> {
  return manager.getRepository(Objective).save(objective);
}

/** Those objectives of the workspace, with their period. */
export function objectivesWithPeriod(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Objective[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Objective).find({
    where: { workspaceId, id: In([...new Set(ids)]) },
    relations: { period: true },
  });
}

/** Those objectives of the workspace not cancelled, with owner and period, oldest first. */
export function liveObjectivesWithOwnerAndPeriod(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Objective[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Objective).find({
    where: { workspaceId, id: In([...ids]), status: Not('cancelled') },
    relations: { owner: true, period: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/** Those objectives of the workspace, with owner and period. */
export function objectivesWithOwnerAndPeriod(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Objective[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Objective).find({
    where: { workspaceId, id: In([...ids]) },
    relations: { owner: true, period: true },
  });
}

/** Those objectives of the workspace, oldest first. */
export function objectivesOldestFirst(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Objective[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.getRepository(Objective).find({
    where: { workspaceId, id: In([...ids]) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/**
 * Every workspace's active objectives whose period runs on `day`, with their period, for the
 * check-in reminders.
 */
export function activeObjectivesInAnyWorkspaceOn(
  manager: EntityManager,
  day: string,
): Promise<Objective[]> {
  return manager.getRepository(Objective).find({
    where: {
      status: 'active',
      period: { start: LessThanOrEqual(day), end: MoreThanOrEqual(day) },
    },
    relations: { period: true },
    order: { workspaceId: 'ASC', createdAt: 'ASC', id: 'ASC' },
  });
}

/** Every objective of the workspace, with owner and period. */
export function objectivesOfWorkspace(
  manager: EntityManager,
  workspaceId: string,
): Promise<Objective[]> {
  return manager.getRepository(Objective).find({
    where: { workspaceId },
    relations: { owner: true, period: true },
  });
}
