import type { Member, WorkspaceRole } from '@bearing/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  useChangeMemberRole,
  useLeaveWorkspace,
  useMembers,
  useRemoveMember,
} from '../../../api/members';
import { useSignedIn } from '../../../app/auth/signed-in-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { LoadMore } from '../load-more';
import { SectionHeader } from '../section-header';
import { EmptyTable, TableSkeleton } from '../table-states';
import { AddMemberModal } from './add-member-modal';
import { MemberActionError } from './member-action-error';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';

/**
 * `/w/:workspace/settings/members`: everyone sees who is here and may leave; admins manage
 * members and the invitations waiting to be accepted.
 */
export function MembersPanel() {
  const workspace = useWorkspace();
  const { user } = useSignedIn();
  const admin = isAdmin(workspace.role);
  const members = useMembers(workspace.slug);
  const changeRole = useChangeMemberRole(workspace.slug);
  const removeMember = useRemoveMember(workspace.slug);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [failed, setFailed] = useState<{ member: Member; error: unknown } | null>(null);
  const leave = useLeaveWorkspace(workspace.slug);
  const [leaving, { open: openLeave, close: closeLeaveModal }] = useDisclosure(false);
  const navigate = useNavigate();

  const onChangeRole = (member: Member, role: WorkspaceRole) => {
    setFailed(null);
    changeRole.mutate(
      { userId: member.userId, role, version: member.version },
      { onError: (error) => setFailed({ member, error }) },
    );
  };
  const closeRemove = () => {
    removeMember.reset();
    setRemoving(null);
  };
  const confirmRemove = () => {
    if (removing) removeMember.mutate(removing.userId, { onSuccess: closeRemove });
  };
  const closeLeave = () => {
    leave.reset();
    closeLeaveModal();
  };
  const confirmLeave = () => {
    leave.mutate(undefined, { onSuccess: () => void navigate('/') });
  };

  return (
    <Stack gap="lg">
      <SectionHeader
        title="Members"
        description="Viewers read everything, editors also change programs, OKRs, metrics and teams, and admins also manage members and tokens."
        actions={
          <Group gap="sm">
            <Button variant="default" color="red" onClick={openLeave}>
              Leave workspace
            </Button>
            {admin && <Button onClick={openAdd}>Add member</Button>}
          </Group>
        }
      />
      {failed && (
        <MemberActionError
          error={failed.error}
          memberName={failed.member.displayName}
          onReload={() => {
            setFailed(null);
            members.refetch();
          }}
          onDismiss={() => setFailed(null)}
        />
      )}
      {members.isPending ? (
        <TableSkeleton label="Loading members" />
      ) : members.isError ? (
        <ErrorAlert
          title="Members could not be loaded"
          error={members.error}
          onRetry={members.refetch}
        />
      ) : members.items.length === 0 ? (
        <EmptyTable>No members yet.</EmptyTable>
      ) : (
        <>
          <MembersTable
            members={members.items}
            currentUserId={user.id}
            admin={
              admin
                ? {
                    onChangeRole,
                    onRemove: setRemoving,
                    pending: changeRole.isPending ? changeRole.variables : undefined,
                  }
                : undefined
            }
          />
          <LoadMore
            shown={members.items.length}
            noun="member"
            hasMore={members.hasMore}
            loading={members.isLoadingMore}
            onLoadMore={members.loadMore}
          />
        </>
      )}
      {admin && <PendingInvitations workspace={workspace} />}
      <ConfirmModal
        opened={leaving}
        title="Leave workspace"
        confirmLabel="Leave workspace"
        onConfirm={confirmLeave}
        onClose={closeLeave}
        pending={leave.isPending}
        error={leave.error}
        errorTitle="You are still a member"
      >
        Leave <strong>{workspace.name}</strong>? You lose access at once, and your API tokens for
        this workspace are revoked. To come back, an admin has to invite you again.
      </ConfirmModal>
      {admin && (
        <>
          <AddMemberModal workspace={workspace.slug} opened={adding} onClose={closeAdd} />
          <ConfirmModal
            opened={removing !== null}
            title="Remove member"
            confirmLabel="Remove member"
            onConfirm={confirmRemove}
            onClose={closeRemove}
            pending={removeMember.isPending}
            error={removeMember.error}
            errorTitle="Not removed"
          >
            Remove <strong>{removing?.displayName}</strong> ({removing?.email}) from{' '}
            {workspace.name}? They lose access at once, and their API tokens for this workspace are
            revoked.
          </ConfirmModal>
        </>
      )}
    </Stack>
  );
}
