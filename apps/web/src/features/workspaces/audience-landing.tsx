import { Navigate, useParams } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { landingSegmentOf } from '../../app/layout/audiences';
import { workspacePath } from '../../app/layout/navigation-items';

/** `/w/:workspace`: the landing page of the signed-in user's audience (portfolio by default). */
export function AudienceLanding() {
  const { workspace = '' } = useParams();
  const { preferences } = useSignedIn();
  return <Navigate to={workspacePath(workspace, landingSegmentOf(preferences.audience))} replace />;
}
