import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse, UpdateMeRequest } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { readInstanceSettings } from '../instance-settings/instance-settings.repository.js';
import { mayCreateWorkspaces } from '../instance-settings/instance-settings.service.js';
import { Membership } from '../workspaces/membership.entity.js';
import { toWorkspaceResponse } from '../workspaces/workspaces.service.js';
import { User } from './user.entity.js';
import { toMeUserResponse } from './user.mapper.js';

/** A user as the API shows them, for other features' responses (a token's owner). */
export { toUserResponse } from './user.mapper.js';

@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user and every workspace they belong to, by slug. */
  async me(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MeResponse> {
    const user = await manager.getRepository(User).findOneBy({ id: userId });
    if (!user) throw ProblemException.notFound('This account no longer exists.');
    const memberships = await manager.getRepository(Membership).find({
      where: { userId },
      relations: { workspace: true },
      order: { workspace: { slug: 'ASC' } },
    });
    return {
      user: toMeUserResponse(user),
      preferences: { audience: user.audience },
      workspaces: memberships.flatMap(({ workspace, role }) =>
        workspace ? [toWorkspaceResponse(workspace, role)] : [],
      ),
      canCreateWorkspaces: mayCreateWorkspaces(await readInstanceSettings(manager), user),
    };
  }

  /** The signed-in user's own preferences; nobody else's can be changed here. */
  async updatePreferences(userId: string, request: UpdateMeRequest): Promise<MeResponse> {
    const result = await this.dataSource
      .getRepository(User)
      .update({ id: userId }, { audience: request.audience });
    if (result.affected === 0) throw ProblemException.notFound('This account no longer exists.');
    return this.me(userId);
  }
}
