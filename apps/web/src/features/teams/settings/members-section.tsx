import type { TeamMember } from '@bearing/contracts';
import { Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useRemoveTeamMember, useTeamMembers } from '../../../api/teams';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { formatPercent } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import { MemberForm } from './member-form';

export interface MembersSectionProps {
  workspace: string;
  teamId: string;
  editor: boolean;
}

type Editing = { member?: TeamMember } | null;

/** The people whose time the team plans with, and the share each gives it by default. */
export function MembersSection({ workspace, teamId, editor }: MembersSectionProps) {
  const members = useTeamMembers(workspace, teamId);
  const removeMember = useRemoveTeamMember(workspace, teamId);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);

  const closeRemove = () => {
    setRemoving(null);
    removeMember.reset();
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="team-members-title">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3" id="team-members-title">
            Members
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            People here are the team's capacity — how many person-days a sprint has — never subjects
            of performance: Bearing keeps no delivery figures per person.
          </Text>
        </Stack>
        {editor && <Button onClick={() => setEditing({})}>Add member</Button>}
      </Group>
      {members.isPending ? (
        <LoadingRows label="Loading members" rows={2} height={40} />
      ) : members.isError ? (
        <ErrorAlert
          title="Members could not be loaded"
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : members.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No members yet: capacity planning needs at least one.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" aria-labelledby="team-members-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th ta="right">Default allocation</Table.Th>
                {editor && (
                  <Table.Th>
                    <Text span size="sm" fw={700} style={{ visibility: 'hidden' }}>
                      Actions
                    </Text>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>{member.displayName}</Table.Td>
                  <Table.Td ta="right">{formatPercent(member.allocation)}</Table.Td>
                  {editor && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${member.displayName}`}
                          onClick={() => setEditing({ member })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${member.displayName}`}
                          onClick={() => setRemoving(member)}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editor && (
        <Modal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.member ? 'Edit member' : 'Add a member'}
          centered
        >
          {editing !== null && (
            <MemberForm
              workspace={workspace}
              teamId={teamId}
              member={editing.member}
              onSaved={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          )}
        </Modal>
      )}
      <ConfirmModal
        opened={removing !== null}
        title="Remove member"
        confirmLabel="Remove member"
        onClose={closeRemove}
        pending={removeMember.isPending}
        error={removeMember.error}
        errorTitle="Member not removed"
        onConfirm={() => removing && removeMember.mutate(removing.id, { onSuccess: closeRemove })}
      >
        Remove <strong>{removing?.displayName}</strong> from the team? Sprints planned from now on
        no longer count their time.
      </ConfirmModal>
    </Stack>
  );
}
