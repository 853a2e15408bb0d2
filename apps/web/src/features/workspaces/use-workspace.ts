import type { Workspace } from '@bearing/contracts';
import { useParams } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';

/** The workspace named in the URL (`/w/:workspace`) with the user's role in it, if a member. */
export function useWorkspaceFromPath(): Workspace | undefined {
  const { workspace: slug } = useParams();
  const { workspaces } = useSignedIn();
  return slug === undefined ? undefined : workspaces.find((candidate) => candidate.slug === slug);
}

/** The current workspace, for pages below `/w/:workspace` (the route checks membership). */
export function useWorkspace(): Workspace {
  const workspace = useWorkspaceFromPath();
  if (!workspace) throw new Error('useWorkspace() is only available inside a workspace route');
  return workspace;
}
