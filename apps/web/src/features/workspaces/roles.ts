import type { WorkspaceRole } from '@bearing/contracts';

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  viewer: 'Viewer',
  editor: 'Editor',
  admin: 'Admin',
};

/** What each role may do, in the words the role pickers show. */
export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  viewer: 'reads everything',
  editor: 'also changes programs, OKRs, metrics and teams',
  admin: 'also manages members, tokens and settings',
};

/** Strongest first, as pickers list them. */
export const ROLES_STRONGEST_FIRST: readonly WorkspaceRole[] = ['admin', 'editor', 'viewer'];

/** Editors and admins change workspace data; viewers only read, and see no edit controls. */
export function canEdit(role: WorkspaceRole): boolean {
  return role !== 'viewer';
}

/** Admins manage members, other people's tokens and the audit log. */
export function isAdmin(role: WorkspaceRole): boolean {
  return role === 'admin';
}
