import { Outlet, useParams } from 'react-router';
import { useWorkspaceFromPath } from './use-workspace';
import { WorkspaceNotFound } from './workspace-not-found';

/** `/w/:workspace/*`: the pages of a workspace, for its members only. */
export function WorkspaceRoute() {
  const { workspace: slug = '' } = useParams();
  return useWorkspaceFromPath() ? <Outlet /> : <WorkspaceNotFound slug={slug} />;
}
