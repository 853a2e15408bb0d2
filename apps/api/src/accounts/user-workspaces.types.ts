import type { Workspace as WorkspaceResponse } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The workspaces a user belongs to, for their account (`GET /api/me`). Workspaces are built on
 * accounts (a membership names a user), so the workspaces feature provides this under
 * `USER_WORKSPACES` (its global `UserWorkspacesModule`) rather than accounts importing it.
 */
export interface UserWorkspaces {
  /** Every workspace the user is a member of, with their role there, by slug. */
  of(manager: EntityManager, userId: string): Promise<WorkspaceResponse[]>;
}

export const USER_WORKSPACES = Symbol('USER_WORKSPACES');
