import { Alert, Button, Center, Container, Loader, Stack, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../../api/api-error';
import { signInPath } from './next-path';
import { useMe } from './session';
import { SignedInContext } from './signed-in-context';

/**
 * The gate in front of every page that needs a signed-in user: it sends everyone else to the
 * sign-in page, remembering where they were going.
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
  return (
    <SignedInContext value={session.data}>
      <Outlet />
    </SignedInContext>
  );
}
