import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Program } from './program.entity.js';
import {
  findInWorkspaceOr404,
  lockInWorkspaceOr404,
} from '../common/database/workspace-record.repository.js';

/**
 * Lookups of program records in *one* workspace. A record named in the path that is not here is
 * a 404 (an id of another workspace is simply not found); a record a body refers to is a 400
 * naming the field, so a form can point at it.
 */

const NOT_FOUND = {
  program: 'There is no such program here.',
  milestone: 'There is no such milestone in this program.',
  raid_item: 'There is no such RAID item in this program.',
  program_dependency: 'There is no such dependency in this program.',
  status_report: 'There is no such status report in this program.',
} as const;

export type ProgramRecordTable = Exclude<keyof typeof NOT_FOUND, 'program'>;

export async function findProgram(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Program> {
  return findInWorkspaceOr404(
    manager,
    Program,
    { workspaceId, where: { id }, relations: { owner: true } },
    NOT_FOUND.program,
  );
}

/**
 * Locks a program of this workspace for the rest of the transaction (404 when there is none), so
 * that the version an edit is checked against cannot change before the edit is saved.
 */
export async function lockProgram(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await lockInWorkspaceOr404(manager, 'program', { workspaceId, id }, NOT_FOUND.program);
}

/** The same for a record of a program (milestone, RAID item, …): 404 unless it is in both. */
export async function lockProgramRecord(
  manager: EntityManager,
  table: ProgramRecordTable,
  { workspaceId, programId, id }: { workspaceId: string; programId: string; id: string },
): Promise<void> {
  await lockInWorkspaceOr404(
    manager,
    table,
    { workspaceId, id, also: { program_id: programId } },
    NOT_FOUND[table],
  );
}

export function recordNotFound(table: ProgramRecordTable): ProblemException {
  return ProblemException.notFound(NOT_FOUND[table]);
}

/** Owners are members of the workspace (at the time they are made owners). */
export async function assertMember(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
  path: string,
): Promise<void> {
  if (!(await manager.getRepository(Membership).existsBy({ workspaceId, userId }))) {
    throw invalid(path, 'is not a member of this workspace');
  }
}

/**
 * A program's owner writes its weekly status report, so is an active editor or admin of the
 * workspace (at the time they are made owner); anyone else is a 400 naming `path`.
 */
export async function assertProgramOwner(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
  path: string,
): Promise<void> {
  const membership = await manager
    .getRepository(Membership)
    .findOne({ where: { workspaceId, userId }, relations: { user: true } });
  if (!membership) throw invalid(path, 'is not a member of this workspace');
  if (membership.user?.disabledAt) throw invalid(path, 'is a disabled account');
  if (membership.role !== 'editor' && membership.role !== 'admin') {
    throw invalid(
      path,
      "is a viewer: a program's owner writes its status reports, so must be an editor or admin",
    );
  }
}

export function invalid(path: string, message: string): ProblemException {
  return ProblemException.validation([{ path, message }]);
}

/** The workspace's programs with their owner, oldest first, keyset-paged on (created_at, id). */
export function programPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
): Promise<{ rows: Program[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Program)
    .createQueryBuilder('program')
    .innerJoinAndSelect('program.owner', 'owner')
    .where('program.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, createdAtIdOrder('program', 'ASC'));
}

/** Every program of the workspace, by name, then id. */
export function programsByName(manager: EntityManager, workspaceId: string): Promise<Program[]> {
  return manager.getRepository(Program).find({
    where: { workspaceId },
    order: { name: 'ASC', id: 'ASC' },
  });
}

export function insertProgram(
  manager: EntityManager,
  values: DeepPartial<Program>,
): Promise<Program> {
  const programs = manager.getRepository(Program);
  return programs.save(programs.create(values));
}

/**
 * `update` rather than `save`: a loaded owner relation would win over a new owner id.
 */
export async function updateProgram(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  columns: Partial<Program>,
): Promise<void> {
  await manager.getRepository(Program).update({ id, workspaceId }, columns);
}

/**
 * The workspace's programs running at some point from `from` to `to` (started by `to`, not
 * ended before `from`), oldest first, keyset-paged on (created_at, id).
 */
export function programsRunningPage(
  manager: EntityManager,
  workspaceId: string,
  { from, to }: { from: string; to: string },
  page: PageQuery,
): Promise<{ rows: Program[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Program)
    .createQueryBuilder('program')
    .where('program.workspaceId = :workspaceId', { workspaceId })
    .andWhere('program.start <= :to', { to })
    .andWhere('(program.end IS NULL OR program.end >= :from)', { from });
  return keysetPage(query, page, createdAtIdOrder('program', 'ASC'));
}

/**
 * Every workspace's programs running at some point from `from` to `to` (started by `to`, not
 * ended before `from`), for scheduled reminders; each row carries its workspace.
 */
export function programsRunningInAnyWorkspace(
  manager: EntityManager,
  { from, to }: { from: string; to: string },
): Promise<Program[]> {
  return manager
    .getRepository(Program)
    .createQueryBuilder('program')
    .where('program.start <= :to', { to })
    .andWhere('(program.end IS NULL OR program.end >= :from)', { from })
    .orderBy('program.workspaceId', 'ASC')
    .addOrderBy('program.createdAt', 'ASC')
    .addOrderBy('program.id', 'ASC')
    .getMany();
}
