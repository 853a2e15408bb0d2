import type { AdminUser } from '@bearing/contracts';
import {
  Badge,
  Button,
  Group,
  Menu,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useAdminUsers, useResetUserMfa, useSetUserActive } from '../../api/admin';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { ConfirmModal } from '../../components/confirm-modal';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { LoadMore } from '../settings/load-more';
import { SectionHeader } from '../settings/section-header';
import { EmptyTable, TableSkeleton } from '../settings/table-states';
import { EndSessionsModal, InstanceAdminModal } from './user-access-modals';

type UserAction = 'activation' | 'mfa' | 'instance-admin' | 'sessions';

/**
 * Every account of the instance, searchable: deactivate and reactivate, reset a second factor,
 * grant or take away instance administration, and sign an account out everywhere.
 */
export function UsersPanel() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const users = useAdminUsers(debouncedSearch);
  const [acting, setActing] = useState<{ user: AdminUser; action: UserAction } | null>(null);
  const userFor = (action: UserAction) => (acting?.action === action ? acting.user : null);
  const done = () => setActing(null);
  const [signedOut, setSignedOut] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <SectionHeader
        title="Users"
        description="Every account on this instance, by email. A deactivated account cannot sign in, and its sessions and API tokens end at once."
      />
      <TextInput
        label="Search"
        description="Part of an email or a name."
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={360}
      />
      {signedOut !== null && (
        <Text size="sm" role="status">
          {signedOut}
        </Text>
      )}
      {users.isPending ? (
        <TableSkeleton label="Loading the users" />
      ) : users.isError ? (
        <ErrorAlert
          title="The users could not be loaded"
          error={users.error}
          onRetry={users.refetch}
        />
      ) : users.items.length === 0 ? (
        <EmptyTable>No account matches “{debouncedSearch.trim()}”.</EmptyTable>
      ) : (
        <>
          <UsersTable
            users={users.items}
            onAction={(user, action) => setActing({ user, action })}
          />
          <LoadMore
            shown={users.items.length}
            noun="user"
            hasMore={users.hasMore}
            loading={users.isLoadingMore}
            onLoadMore={users.loadMore}
          />
        </>
      )}
      <ActivationModal user={userFor('activation')} onClose={done} />
      <ResetMfaModal user={userFor('mfa')} onClose={done} />
      <InstanceAdminModal user={userFor('instance-admin')} onClose={done} />
      <EndSessionsModal
        user={userFor('sessions')}
        onClose={done}
        onEnded={(user, revoked) =>
          setSignedOut(
            `Signed ${user.displayName} out of ${revoked === 1 ? '1 session' : `${revoked} sessions`}.`,
          )
        }
      />
    </Stack>
  );
}

function UsersTable({
  users,
  onAction,
}: {
  users: AdminUser[];
  onAction: (user: AdminUser, action: UserAction) => void;
}) {
  const { user: me } = useSignedIn();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {user.displayName}
                  </Text>
                  {user.instanceAdmin && (
                    <Badge size="xs" variant="light" tt="none">
                      Instance admin
                    </Badge>
                  )}
                  {user.mfaEnabled && (
                    <Badge size="xs" variant="light" color="teal" tt="none">
                      Two-factor
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>
                {user.active ? (
                  <Badge size="sm" variant="light" color="teal" tt="none">
                    Active
                  </Badge>
                ) : (
                  <Badge size="sm" variant="light" color="gray" tt="none">
                    Deactivated
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={user.createdAt} />
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {user.id === me.id ? (
                  <Text size="xs" c="dimmed">
                    You
                  </Text>
                ) : (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {user.mfaEnabled && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onAction(user, 'mfa')}
                        aria-label={`Reset two-factor authentication of ${user.displayName}`}
                      >
                        Reset MFA
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onAction(user, 'activation')}
                      aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.displayName}`}
                    >
                      {user.active ? 'Deactivate' : 'Reactivate'}
                    </Button>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`More for ${user.displayName}`}
                        >
                          More
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onAction(user, 'instance-admin')}>
                          {user.instanceAdmin
                            ? 'Remove instance administrator'
                            : 'Make instance administrator'}
                        </Menu.Item>
                        <Menu.Item onClick={() => onAction(user, 'sessions')}>
                          Sign out everywhere
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Asks before deactivating (or reactivating) an account, saying what it does. */
function ActivationModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const setActive = useSetUserActive();
  const close = () => {
    setActive.reset();
    onClose();
  };
  if (!user) return null;
  const deactivating = user.active;
  return (
    <ConfirmModal
      opened
      title={deactivating ? 'Deactivate account' : 'Reactivate account'}
      confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
      pending={setActive.isPending}
      error={setActive.error}
      errorTitle="Not changed"
      onClose={close}
      onConfirm={() =>
        setActive.mutate({ id: user.id, active: !deactivating }, { onSuccess: close })
      }
    >
      {deactivating ? (
        <>
          <strong>{user.displayName}</strong> ({user.email}) is signed out everywhere at once, their
          API tokens are revoked, and they cannot sign in until reactivated.
        </>
      ) : (
        <>
          <strong>{user.displayName}</strong> ({user.email}) can sign in again. Their old sessions
          and API tokens stay ended.
        </>
      )}
    </ConfirmModal>
  );
}

/** Asks before removing someone's second factor (a lost phone and lost recovery codes). */
function ResetMfaModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const resetMfa = useResetUserMfa();
  const close = () => {
    resetMfa.reset();
    onClose();
  };
  if (!user) return null;
  return (
    <ConfirmModal
      opened
      title="Reset two-factor authentication"
      confirmLabel="Reset"
      pending={resetMfa.isPending}
      error={resetMfa.error}
      errorTitle="Not reset"
      onClose={close}
      onConfirm={() => resetMfa.mutate(user.id, { onSuccess: close })}
    >
      <strong>{user.displayName}</strong> ({user.email}) signs in with the password alone until they
      set up an authenticator app again; their recovery codes stop working. Do this only once you
      are sure it is them asking. It is recorded in the audit log.
    </ConfirmModal>
  );
}
