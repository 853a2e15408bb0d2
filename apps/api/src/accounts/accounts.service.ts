import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { Membership } from '../workspaces/membership.entity.js';
import { toWorkspaceResponse } from '../workspaces/workspace.mapper.js';
import { User } from './user.entity.js';
import { toUserResponse } from './user.mapper.js';

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
      user: toUserResponse(user),
      workspaces: memberships.flatMap(({ workspace, role }) =>
        workspace ? [toWorkspaceResponse(workspace, role)] : [],
      ),
    };
  }
}
