import type { EntityManager } from 'typeorm';
import { ReviewSetting } from './review-setting.entity.js';

/** The workspace's review settings, if it has saved any. */
export function reviewSettingOf(
  manager: EntityManager,
  workspaceId: string,
): Promise<ReviewSetting | null> {
  return manager.getRepository(ReviewSetting).findOneBy({ workspaceId });
}

/** The workspace's review settings, locked for the rest of the transaction; null when none. */
export function lockReviewSetting(
  manager: EntityManager,
  workspaceId: string,
): Promise<ReviewSetting | null> {
  return manager
    .getRepository(ReviewSetting)
    .createQueryBuilder('setting')
    .setLock('pessimistic_write')
    .where('setting.workspaceId = :workspaceId', { workspaceId })
    .getOne();
}

/** Saves the workspace's review weekday (creating its settings row when `exists` is false). */
export async function writeReviewWeekday(
  manager: EntityManager,
  workspaceId: string,
  reviewWeekday: number,
  exists: boolean,
): Promise<ReviewSetting> {
  const settings = manager.getRepository(ReviewSetting);
  if (exists) await settings.update({ workspaceId }, { reviewWeekday });
  else await settings.insert({ workspaceId, reviewWeekday });
  return settings.findOneByOrFail({ workspaceId });
}

/** The review weekday of every workspace that saved one (others review on the default day). */
export async function savedReviewWeekdays(manager: EntityManager): Promise<Map<string, number>> {
  const settings = await manager.getRepository(ReviewSetting).find();
  return new Map(settings.map(({ workspaceId, reviewWeekday }) => [workspaceId, reviewWeekday]));
}
