import type { EntityManager } from 'typeorm';
import { SprintAvailability } from './sprint-availability.entity.js';

type AvailabilityRow = Pick<SprintAvailability, 'memberId' | 'allocation' | 'daysOff'>;

/**
 * Replaces a sprint's availability rows (the sprint found in its team and workspace by the
 * caller) with `rows`.
 */
export async function replaceSprintAvailability(
  manager: EntityManager,
  sprintId: string,
  rows: readonly AvailabilityRow[],
): Promise<void> {
  const availability = manager.getRepository(SprintAvailability);
  await availability.delete({ sprintId });
  if (rows.length > 0) await availability.insert(rows.map((row) => ({ sprintId, ...row })));
}

/** A sprint's availability rows (the sprint found in its team and workspace by the caller). */
export function sprintAvailability(
  manager: EntityManager,
  sprintId: string,
): Promise<SprintAvailability[]> {
  return manager.getRepository(SprintAvailability).findBy({ sprintId });
}
