import { type EntityManager, In } from 'typeorm';
import { MilestoneDateChange } from './milestone-date-change.entity.js';

/** The date changes of each milestone of the workspace, with their authors, oldest first. */
export async function loadDateChanges(
  manager: EntityManager,
  workspaceId: string,
  milestoneIds: readonly string[],
): Promise<Map<string, MilestoneDateChange[]>> {
  const byMilestone = new Map(milestoneIds.map((id) => [id, [] as MilestoneDateChange[]]));
  if (milestoneIds.length === 0) return byMilestone;
  const changes = await manager.getRepository(MilestoneDateChange).find({
    where: { milestoneId: In([...milestoneIds]), milestone: { workspaceId } },
    relations: { author: true },
    order: { changedAt: 'ASC', id: 'ASC' },
  });
  for (const change of changes) byMilestone.get(change.milestoneId)?.push(change);
  return byMilestone;
}
