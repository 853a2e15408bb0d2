import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../../common/pagination/keyset-page.js';
import { recordNotFound } from '../program.repository.js';
import { ProgramDependency } from './program-dependency.entity.js';

type ProgramScope = { workspaceId: string; programId: string };

const needByIdPosition = z.tuple([z.iso.date(), z.uuid()]);

/** A program's dependencies by need-by date, then id, keyset-paged on (need_by, id). */
export function dependencyPage(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  page: PageQuery,
): Promise<{ rows: ProgramDependency[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(ProgramDependency)
    .createQueryBuilder('dependency')
    .where('dependency.workspaceId = :workspaceId', { workspaceId })
    .andWhere('dependency.programId = :programId', { programId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'dependency.needBy', valueOf: (dependency) => dependency.needBy },
      { sort: 'dependency.id', valueOf: (dependency) => dependency.id },
    ],
    direction: 'ASC',
    shape: needByIdPosition,
  });
}

export function insertDependency(
  manager: EntityManager,
  values: DeepPartial<ProgramDependency>,
): Promise<ProgramDependency> {
  const dependencies = manager.getRepository(ProgramDependency);
  return dependencies.save(dependencies.create(values));
}

export async function updateDependency(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
  changes: Partial<ProgramDependency>,
): Promise<void> {
  await manager.getRepository(ProgramDependency).update({ workspaceId, programId, id }, changes);
}

/** The dependency of this program, or 404. */
export async function findDependency(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
): Promise<ProgramDependency> {
  const dependency = await manager
    .getRepository(ProgramDependency)
    .findOneBy({ workspaceId, programId, id });
  if (!dependency) throw recordNotFound('program_dependency');
  return dependency;
}

/** All of a program's dependencies, by need-by date, then id. */
export function programDependencies(
  manager: EntityManager,
  { workspaceId, programId }: { workspaceId: string; programId: string },
): Promise<ProgramDependency[]> {
  return manager.getRepository(ProgramDependency).find({
    where: { workspaceId, programId },
    order: { needBy: 'ASC', id: 'ASC' },
  });
}

/**
 * Every workspace's dependencies neither delivered nor cancelled whose need-by date is before
 * `today`, of programs not ended before `today`, with their program, for the overdue reminder —
 * only those not yet reminded of: no event of the workspace has the dedupe key
 * `<keyPrefix>:<dependency>:<need-by>`. Run every minute, it reads the open rows by need-by date
 * (`IDX_program_dependency_open_need_by`) and answers nothing once each has been reminded of.
 */
export function overdueDependenciesNotRemindedOf(
  manager: EntityManager,
  today: string,
  keyPrefix: string,
): Promise<ProgramDependency[]> {
  return (
    manager
      .getRepository(ProgramDependency)
      .createQueryBuilder('dependency')
      .innerJoinAndSelect('dependency.program', 'program')
      // Spelled as the partial index's predicate, so the planner can use it.
      .where(`dependency.status IN ('open', 'committed', 'blocked')`)
      .andWhere('dependency.needBy < :today', { today })
      .andWhere('(program.end IS NULL OR program.end >= :today)', { today })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM "notification_event" "event"
                      WHERE "event"."workspace_id" = "dependency"."workspace_id"
                        AND "event"."dedupe_key" = CAST(:keyPrefix AS text) || ':' || "dependency"."id"::text
                            || ':' || to_char("dependency"."need_by", 'YYYY-MM-DD'))`,
        { keyPrefix },
      )
      .orderBy('dependency.workspaceId', 'ASC')
      .addOrderBy('dependency.needBy', 'ASC')
      .addOrderBy('dependency.id', 'ASC')
      .getMany()
  );
}
