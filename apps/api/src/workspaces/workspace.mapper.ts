import type { Workspace as WorkspaceResponse, WorkspaceRole } from '@bearing/contracts';
import type { Workspace } from './workspace.entity.js';

export function toWorkspaceResponse(
  workspace: Pick<Workspace, 'id' | 'slug' | 'name'>,
  role: WorkspaceRole,
): WorkspaceResponse {
  return { id: workspace.id, slug: workspace.slug, name: workspace.name, role };
}
