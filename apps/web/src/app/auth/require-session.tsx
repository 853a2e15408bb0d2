import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../../api/api-error';
import { signInPath } from './next-path';
import { useMe } from './session';
import { SignedInContext } from './signed-in-context';

const FORCED_CHANGE_PATH = '/change-password';

/**
 * The gate in front of every page that needs a signed-in user: it sends everyone else to the
 * sign-in page, remembering where they were going, and a user who must change a password someone
 * else chose to the page for that.
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
  return (
    <SignedInContext value={session.data}>
      <Outlet />
    </SignedInContext>
  );
}
