import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../../common/pagination/keyset-page.js';
import { recordNotFound } from '../program.repository.js';
import { MilestoneDateChange } from './milestone-date-change.entity.js';
import { Milestone } from './milestone.entity.js';

type ProgramScope = { workspaceId: string; programId: string };

const baselineIdPosition = z.tuple([z.iso.date(), z.uuid()]);

/** A program's milestones by baseline date, then id, keyset-paged on (baseline_date, id). */
export function milestonePage(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  page: PageQuery,
): Promise<{ rows: Milestone[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Milestone)
    .createQueryBuilder('milestone')
    .where('milestone.workspaceId = :workspaceId', { workspaceId })
    .andWhere('milestone.programId = :programId', { programId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'milestone.baselineDate', valueOf: (milestone) => milestone.baselineDate },
      { sort: 'milestone.id', valueOf: (milestone) => milestone.id },
    ],
    direction: 'ASC',
    shape: baselineIdPosition,
  });
}

export function insertMilestone(
  manager: EntityManager,
  values: DeepPartial<Milestone>,
): Promise<Milestone> {
  const milestones = manager.getRepository(Milestone);
  return milestones.save(milestones.create(values));
}

export async function updateMilestone(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
  changes: Partial<Milestone>,
): Promise<void> {
  await manager.getRepository(Milestone).update({ workspaceId, programId, id }, changes);
}

/** Deletes the milestone of this program; its moves go with it (ON DELETE CASCADE). */
export async function deleteMilestone(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
): Promise<void> {
  await manager.getRepository(Milestone).delete({ workspaceId, programId, id });
}

/** The milestone of this program, or 404. */
export async function findMilestone(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
): Promise<Milestone> {
  const milestone = await manager
    .getRepository(Milestone)
    .findOneBy({ workspaceId, programId, id });
  if (!milestone) throw recordNotFound('milestone');
  return milestone;
}

/** When a milestone (found in its workspace by the caller) last moved, if it has. */
export async function lastDateChangeAt(
  manager: EntityManager,
  milestoneId: string,
): Promise<Date | null> {
  const previous = await manager
    .getRepository(MilestoneDateChange)
    .findOne({ where: { milestoneId }, order: { changedAt: 'DESC' } });
  return previous?.changedAt ?? null;
}

/** Records a move of a milestone's current date; its id. */
export async function insertDateChange(
  manager: EntityManager,
  change: Omit<MilestoneDateChange, 'id' | 'milestone' | 'author'>,
): Promise<string> {
  const inserted = await manager.getRepository(MilestoneDateChange).insert(change);
  return (inserted.identifiers[0] as { id: string }).id;
}

/** All of a program's milestones, by baseline date, then id. */
export function programMilestones(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
): Promise<Milestone[]> {
  return manager.getRepository(Milestone).find({
    where: { workspaceId, programId },
    order: { baselineDate: 'ASC', id: 'ASC' },
  });
}
