import type { FollowSubject } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { Follow } from './follow.entity.js';

/** Starts following (nothing changes when already following); answers the follow. */
export async function insertFollow(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
  subject: FollowSubject,
): Promise<Follow> {
  const key = { workspaceId, userId, subjectType: subject.type, subjectId: subject.id };
  await manager.createQueryBuilder().insert().into(Follow).values(key).orIgnore().execute();
  return manager.getRepository(Follow).findOneByOrFail(key);
}

/** The user's follows in the workspace, oldest first. */
export function followsOf(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<Follow[]> {
  return manager
    .getRepository(Follow)
    .find({ where: { workspaceId, userId }, order: { createdAt: 'ASC', subjectId: 'ASC' } });
}

/** Stops following; false when the user did not follow it. */
export async function deleteFollow(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
  subject: FollowSubject,
): Promise<boolean> {
  const result = await manager
    .getRepository(Follow)
    .delete({ workspaceId, userId, subjectType: subject.type, subjectId: subject.id });
  return (result.affected ?? 0) > 0;
}

/** Ends everyone's follows of a subject, e.g. one being deleted, in the deleter's transaction. */
export async function deleteFollowsOf(
  manager: EntityManager,
  workspaceId: string,
  subject: FollowSubject,
): Promise<void> {
  await manager
    .getRepository(Follow)
    .delete({ workspaceId, subjectType: subject.type, subjectId: subject.id });
}
