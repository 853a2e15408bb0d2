import { Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { holdSignedInRequests } from '../../api/client';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { ErrorAlert } from '../../components/error-alert';
import { useSignOut } from '../auth/session';
import { useSignedIn } from '../auth/signed-in-context';

/** The account menu's dropdown around the header's account button: who is signed in, "Sign out". */
export function AccountMenu({ target, defaultOpened }: LoadedMenuProps) {
  const { user } = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);

  const handleSignOut = async () => {
    setFailure(null);
    // Requests of the page would come back 401 once the session ends (which the browser reports
    // as an error in its console): those in flight are cancelled, and new ones held back until
    // the signed-in pages are gone.
    const release = holdSignedInRequests();
    await queryClient.cancelQueries();
    const leave = async () => {
      // Off the signed-in pages first, then forget everything: no page shows stale data meanwhile.
      try {
        await navigate('/sign-in', { replace: true });
        queryClient.clear();
      } finally {
        release();
      }
    };
    signOut.mutate(undefined, {
      onSuccess: () => void leave(),
      // 401: the session had ended already, which is what signing out wants.
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) return void leave();
        release();
        setFailure(error);
      },
    });
  };

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" defaultOpened={defaultOpened}>
        <Menu.Target>{target}</Menu.Target>
        <Menu.Dropdown>
          <Stack gap={0} px="sm" py={8}>
            <Text size="sm" fw={600} truncate="end">
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {user.email}
            </Text>
          </Stack>
          <Menu.Divider />
          <Menu.Item component={Link} to="/account">
            Password and sessions
          </Menu.Item>
          <Menu.Item component={Link} to="/account/notifications">
            Notification preferences
          </Menu.Item>
          {user.instanceAdmin && (
            <Menu.Item component={Link} to="/admin">
              Administration
            </Menu.Item>
          )}
          <Menu.Item onClick={() => void handleSignOut()} disabled={signOut.isPending}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={failure !== null} onClose={() => setFailure(null)} title="Still signed in">
        <Stack gap="md">
          <ErrorAlert title="Signing out did not work" error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setFailure(null)}>
              Close
            </Button>
            <Button onClick={() => void handleSignOut()} loading={signOut.isPending}>
              Try again
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
