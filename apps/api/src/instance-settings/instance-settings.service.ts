import type { InstanceSettings } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { readInstanceSettings } from './instance-settings.repository.js';

// The instance's settings are changed by the admin feature (which records the change); this
// folder only stores and reads them, so accounts and workspaces can ask without a cycle.

/** Whether a user may create workspaces under the instance's settings. */
export function mayCreateWorkspaces(
  settings: InstanceSettings,
  user: { instanceAdmin: boolean },
): boolean {
  return settings.workspaceCreation === 'everyone' || user.instanceAdmin;
}

/** The 403 detail when the settings keep workspace creation to instance admins. */
export const WORKSPACE_CREATION_REFUSED =
  'On this instance only instance administrators may create workspaces: ask one to create it for you.';

/**
 * Refuses (403, saying who may) a workspace creation the settings do not allow. Takes the
 * creating transaction's manager, so the check and the insert see the same settings.
 */
export async function assertMayCreateWorkspaces(
  manager: EntityManager,
  user: { instanceAdmin: boolean },
): Promise<void> {
  if (!mayCreateWorkspaces(await readInstanceSettings(manager), user)) {
    throw ProblemException.forbidden(WORKSPACE_CREATION_REFUSED);
  }
}
