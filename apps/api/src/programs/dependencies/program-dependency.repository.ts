import type { PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In, LessThan, Not } from 'typeorm';
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
 * `today`, with their program, for the overdue reminder.
 */
export function overdueDependenciesInAnyWorkspace(
  manager: EntityManager,
  today: string,
): Promise<ProgramDependency[]> {
  return manager.getRepository(ProgramDependency).find({
    where: { needBy: LessThan(today), status: Not(In(['delivered', 'cancelled'])) },
    relations: { program: true },
    order: { workspaceId: 'ASC', needBy: 'ASC', id: 'ASC' },
  });
}
