import { Navigate } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { workspacePath } from '../../app/layout/navigation-items';

/** `/`: the user's first workspace (by slug), or the page to create one. */
export function HomeRedirect() {
  const [first] = useSignedIn().workspaces;
  return <Navigate to={first ? workspacePath(first.slug, '') : '/welcome'} replace />;
}
