import type { AccountSession } from '@bearing/contracts';
import { Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  useAccountSessions,
  useRevokeAllSessions,
  useRevokeOtherSessions,
  useRevokeSession,
} from '../../api/account';
import { ConfirmModal } from '../../components/confirm-modal';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';

/** Where the user is signed in; end one session, all but this one, or every one. */
export function SessionsSection() {
  const sessions = useAccountSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [ending, setEnding] = useState<AccountSession | null>(null);
  const [endingAll, setEndingAll] = useState(false);
  const [endedOthers, setEndedOthers] = useState<number | null>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((session) => !session.current).length;

  const closeModal = () => {
    setEnding(null);
    revoke.reset();
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">
            Where you are signed in
          </Title>
          <Text size="sm" c="dimmed">
            A session you do not recognise? End it, then change your password.
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={others === 0}
            loading={revokeOthers.isPending}
            onClick={() =>
              revokeOthers.mutate(undefined, {
                onSuccess: ({ revoked }) => setEndedOthers(revoked),
              })
            }
          >
            Sign out everywhere else
          </Button>
          <Button variant="default" color="red" onClick={() => setEndingAll(true)}>
            Sign out everywhere
          </Button>
        </Group>
      </Group>
      {endedOthers !== null && (
        <Text size="sm" role="status">
          {endedOthers === 1 ? 'Ended 1 other session.' : `Ended ${endedOthers} other sessions.`}
        </Text>
      )}
      {sessions.isError && <ErrorAlert title="Sessions not loaded" error={sessions.error} />}
      {revokeOthers.isError && <ErrorAlert title="Sessions not ended" error={revokeOthers.error} />}
      {sessions.isPending && <LoadingRows label="Loading your sessions" rows={2} height={36} />}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Device</Table.Th>
              <Table.Th>Address</Table.Th>
              <Table.Th>Signed in</Table.Th>
              <Table.Th>Last seen</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{session.device}</Text>
                    {session.current && (
                      <Badge size="sm" variant="light">
                        This browser
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{session.ip ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <DateTime value={session.createdAt} />
                </Table.Td>
                <Table.Td>
                  <DateTime value={session.lastSeenAt} />
                </Table.Td>
                <Table.Td ta="right">
                  {!session.current && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setEnding(session)}
                      aria-label={`End the session on ${session.device}`}
                    >
                      End
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={ending !== null}
        title="End this session?"
        confirmLabel="End session"
        onClose={closeModal}
        onConfirm={() => ending && revoke.mutate(ending.id, { onSuccess: closeModal })}
        pending={revoke.isPending}
        error={revoke.error}
        errorTitle="Session not ended"
      >
        {ending && `${ending.device} will be signed out at its next request.`}
      </ConfirmModal>
      <SignOutEverywhereModal opened={endingAll} onClose={() => setEndingAll(false)} />
    </Stack>
  );
}

/**
 * Ends every session, this browser's too (a lost laptop, a shared computer): the API clears the
 * cookie, and the page leaves for the sign-in page before the cache is dropped, as on sign-out.
 */
function SignOutEverywhereModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const revokeAll = useRevokeAllSessions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const close = () => {
    revokeAll.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      title="Sign out everywhere?"
      confirmLabel="Sign out everywhere"
      onClose={close}
      onConfirm={() =>
        revokeAll.mutate(undefined, {
          onSuccess: () => {
            void navigate('/sign-in', { replace: true });
            queryClient.clear();
          },
        })
      }
      pending={revokeAll.isPending}
      error={revokeAll.error}
      errorTitle="Not signed out"
    >
      Every session ends, this browser’s included, and you sign in again here. API tokens stay;
      revoke them under a workspace’s Settings → API tokens if someone else may know them.
    </ConfirmModal>
  );
}
