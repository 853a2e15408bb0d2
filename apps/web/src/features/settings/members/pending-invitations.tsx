import type { AddMemberResponse, WorkspaceInvitation } from '@bearing/contracts';
import { Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useAddMember, useRevokeInvitation, useWorkspaceInvitations } from '../../../api/members';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DateTime } from '../../../components/date-time';
import { ErrorAlert } from '../../../components/error-alert';
import { RoleBadge } from '../../workspaces/role-badge';
import { EmptyTable, TableSkeleton } from '../table-states';
import { AddMemberResult } from './add-member-result';

export interface PendingInvitationsProps {
  workspace: { slug: string; name: string };
}

/**
 * For admins: the invitations no one has accepted yet, with who made them. "Revoke" takes one
 * back (its link stops working at once); "Invite again" makes a new link, which replaces it.
 * An invitation works only while the admin who made it still is one, so it leaves this list
 * when they are removed, demoted or deactivated.
 */
export function PendingInvitations({ workspace }: PendingInvitationsProps) {
  const invitations = useWorkspaceInvitations(workspace.slug);
  const revoke = useRevokeInvitation(workspace.slug);
  const reinvite = useAddMember(workspace.slug);
  const [revoking, setRevoking] = useState<WorkspaceInvitation | null>(null);
  const [reinvited, setReinvited] = useState<AddMemberResponse | null>(null);

  const closeRevoke = () => {
    revoke.reset();
    setRevoking(null);
  };
  const confirmRevoke = () => {
    if (revoking) revoke.mutate(revoking.id, { onSuccess: closeRevoke });
  };
  const inviteAgain = ({ email, role }: WorkspaceInvitation) => {
    reinvite.mutate({ email, role, invite: true }, { onSuccess: setReinvited });
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Pending invitations
      </Title>
      {reinvite.isError && (
        <ErrorAlert title="No new invite link was made" error={reinvite.error} />
      )}
      {invitations.isPending ? (
        <TableSkeleton label="Loading invitations" />
      ) : invitations.isError ? (
        <ErrorAlert
          title="Invitations could not be loaded"
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.items.length === 0 ? (
        <EmptyTable>No invitation is waiting to be accepted.</EmptyTable>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label="Pending invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Invited by</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm">{invitation.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={invitation.role} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{invitation.invitedBy.displayName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <DateTime value={invitation.expiresAt} />
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => inviteAgain(invitation)}
                        loading={
                          reinvite.isPending && reinvite.variables.email === invitation.email
                        }
                        aria-label={`Invite again: ${invitation.email}`}
                      >
                        Invite again
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRevoking(invitation)}
                        aria-label={`Revoke: ${invitation.email}`}
                      >
                        Revoke
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke invitation"
        confirmLabel="Revoke invitation"
        onConfirm={confirmRevoke}
        onClose={closeRevoke}
        pending={revoke.isPending}
        error={revoke.error}
        errorTitle="Not revoked"
      >
        Revoke the invitation of <strong>{revoking?.email}</strong> to {workspace.name}? Its link
        stops working at once, and it no longer waits in their account.
      </ConfirmModal>
      <Modal
        opened={reinvited !== null}
        onClose={() => setReinvited(null)}
        title="New invite link created"
        size="lg"
        centered
      >
        {reinvited && <AddMemberResult result={reinvited} onDone={() => setReinvited(null)} />}
      </Modal>
    </Stack>
  );
}
