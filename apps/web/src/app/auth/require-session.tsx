import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../../api/api-error';
import { signInPath } from './next-path';
import { useMe } from './session';
import { SignedInContext } from './signed-in-context';

const FORCED_CHANGE_PATH = '/change-password';
const FORCED_MFA_PATH = '/enrol-mfa';

/**
 * The gate in front of every page that needs a signed-in user: it sends everyone else to the
 * sign-in page, remembering where they were going, a user who must change a password someone
 * else chose to the page for that, and an instance admin who must set up two-factor
 * authentication to the page for that.
 */
export function RequireSession() {
  const session = useMe();
  const { pathname, search } = useLocation();

  // A failed background re-check keeps the page: only a first check that fails blocks it.
  if (session.data === undefined) {
    if (!session.isError) {
      return (
        <Center mih="100vh">
          <Loader aria-label="Checking your session" />
        </Center>
      );
    }
    return (
      <Container size="xs" py="xl" component="main">
        <Stack>
          <Alert color="red" title="Bearing is not answering" role="alert">
            <Text size="sm">{describeError(session.error)}</Text>
          </Alert>
          <Button variant="default" onClick={() => void session.refetch()}>
            Try again
          </Button>
        </Stack>
      </Container>
    );
  }
  if (session.data === null) {
    return <Navigate to={signInPath(pathname, search)} replace />;
  }
  // Someone else chose this password: nothing else answers until the user chooses their own.
  if (session.data.user.mustChangePassword && pathname !== FORCED_CHANGE_PATH) {
    return <Navigate to={FORCED_CHANGE_PATH} replace />;
  }
  // The instance requires a second factor of its administrators: set one up first. The
  // recovery codes show on that page after enrolment, so it stays until the user moves on.
  if (
    session.data.user.mfaEnrolmentRequired &&
    !session.data.user.mustChangePassword &&
    pathname !== FORCED_MFA_PATH
  ) {
    return <Navigate to={FORCED_MFA_PATH} replace />;
  }
  return (
    <SignedInContext value={session.data}>
      <Outlet />
    </SignedInContext>
  );
}
