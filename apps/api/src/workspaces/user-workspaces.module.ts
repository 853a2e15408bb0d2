import { Global, Module } from '@nestjs/common';
import { USER_WORKSPACES, type UserWorkspaces } from '../accounts/user-workspaces.types.js';
import { workspacesOfUser } from './workspace.repository.js';

const userWorkspaces: UserWorkspaces = { of: workspacesOfUser };

/**
 * Workspaces own memberships; the account page lists a user's workspaces through the port
 * accounts declare, provided here. Global, so that accounts need not import workspaces, which
 * are built on them.
 */
@Global()
@Module({
  providers: [{ provide: USER_WORKSPACES, useValue: userWorkspaces }],
  exports: [USER_WORKSPACES],
})
export class UserWorkspacesModule {}
