import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Follow as FollowResponse, FollowList, FollowSubject } from '@bearing/contracts';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import type { Follow } from './follow.entity.js';
import { deleteFollow, followsOf, insertFollow } from './follow.repository.js';
import { subjectExists } from './recipients.repository.js';

/** What a user follows in a workspace; any member may follow (viewers too). */
@Injectable()
export class FollowsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async follow(
    workspaceId: string,
    userId: string,
    subject: FollowSubject,
  ): Promise<FollowResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await subjectExists(manager, workspaceId, subject))) {
        throw ProblemException.notFound(`No ${subject.type} ${subject.id} in this workspace.`);
      }
      return toFollowResponse(await insertFollow(manager, workspaceId, userId, subject));
    });
  }

  async list(workspaceId: string, userId: string): Promise<FollowList> {
    const follows = await followsOf(this.dataSource.manager, workspaceId, userId);
    return { items: follows.map(toFollowResponse) };
  }

  async unfollow(workspaceId: string, userId: string, subject: FollowSubject): Promise<void> {
    if (!(await deleteFollow(this.dataSource.manager, workspaceId, userId, subject))) {
      throw ProblemException.notFound(`You do not follow ${subject.type} ${subject.id}.`);
    }
  }
}

function toFollowResponse(follow: Follow): FollowResponse {
  return {
    subject: { type: follow.subjectType, id: follow.subjectId },
    createdAt: follow.createdAt.toISOString(),
  };
}
