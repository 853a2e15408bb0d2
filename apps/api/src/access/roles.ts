import type { TokenScope, WorkspaceRole } from '@bearing/contracts';

const RANK: Record<WorkspaceRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** The strongest role a token of each scope can act with: no token ever acts as an admin. */
export const TOKEN_SCOPE_CEILING: Record<TokenScope, WorkspaceRole> = {
  read: 'viewer',
  write: 'editor',
};

export function hasAtLeast(role: WorkspaceRole, required: WorkspaceRole): boolean {
  return RANK[role] >= RANK[required];
}

export function weakerOf(first: WorkspaceRole, second: WorkspaceRole): WorkspaceRole {
  return RANK[first] <= RANK[second] ? first : second;
}
