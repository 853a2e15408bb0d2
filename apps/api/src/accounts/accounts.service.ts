import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeResponse, UpdateMeRequest } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { MFA_REQUIREMENT } from '../access/mfa-requirement.js';
import { ProblemException } from '../common/problem/problem.js';
import type { MfaRequirement } from '../config/config.js';
import { readInstanceSettings } from '../instance-settings/instance-settings.repository.js';
import { mayCreateWorkspaces } from '../instance-settings/instance-settings.service.js';
import { USER_WORKSPACES, type UserWorkspaces } from './user-workspaces.types.js';
import { findUserById, setUserPreferences } from './user.repository.js';
import { toMeUserResponse } from './user.mapper.js';

/** A user as the API shows them, for other features' responses (a token's owner). */
export { toUserResponse } from './user.mapper.js';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(USER_WORKSPACES) private readonly workspaces: UserWorkspaces,
    @Inject(MFA_REQUIREMENT) private readonly requireMfa: MfaRequirement,
  ) {}

  /** The user and every workspace they belong to, by slug. */
  async me(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MeResponse> {
    const user = await findUserById(manager, userId);
    if (!user) throw ProblemException.notFound('This account no longer exists.');
    return {
      user: toMeUserResponse(user, this.requireMfa),
      preferences: {
        audience: user.audience,
        ...(user.timeZone === null ? {} : { timeZone: user.timeZone }),
      },
      workspaces: await this.workspaces.of(manager, userId),
      canCreateWorkspaces: mayCreateWorkspaces(await readInstanceSettings(manager), user),
    };
  }

  /** The signed-in user's own preferences; nobody else's can be changed here. */
  async updatePreferences(userId: string, request: UpdateMeRequest): Promise<MeResponse> {
    const updated = await setUserPreferences(this.dataSource.manager, userId, {
      ...(request.audience === undefined ? {} : { audience: request.audience }),
      ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
    });
    if (!updated) throw ProblemException.notFound('This account no longer exists.');
    return this.me(userId);
  }
}
