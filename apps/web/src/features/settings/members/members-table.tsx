import { type Member, type WorkspaceRole, workspaceRoleSchema } from '@bearing/contracts';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { RoleBadge } from '../../workspaces/role-badge';
import { ROLE_LABELS, ROLES_STRONGEST_FIRST } from '../../workspaces/roles';

const ROLE_OPTIONS = ROLES_STRONGEST_FIRST.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

export interface MembersTableProps {
  members: Member[];
  /** The signed-in user, marked "you". */
  currentUserId: string;
  /** Admin controls (role picker, remove) are rendered only when these are given. */
  admin?: {
    onChangeRole: (member: Member, role: WorkspaceRole) => void;
    onRemove: (member: Member) => void;
    /** The role change in flight: its member shows the new role, disabled, until it is saved. */
    pending: { userId: string; role: WorkspaceRole } | undefined;
  };
}

/** The workspace's members with their roles; for admins, with a role picker and "Remove". */
export function MembersTable({ members, currentUserId, admin }: MembersTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Joined</Table.Th>
            {admin && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {member.displayName}
                    </Text>
                    {member.userId === currentUserId && (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        you
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {member.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td w={160}>
                {admin ? (
                  <NativeSelect
                    size="xs"
                    aria-label={`Role of ${member.displayName}`}
                    data={ROLE_OPTIONS}
                    value={
                      admin.pending?.userId === member.userId ? admin.pending.role : member.role
                    }
                    disabled={admin.pending?.userId === member.userId}
                    onChange={(event) =>
                      admin.onChangeRole(
                        member,
                        workspaceRoleSchema.parse(event.currentTarget.value),
                      )
                    }
                  />
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={member.joinedAt} dateOnly />
                </Text>
              </Table.Td>
              {admin && (
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => admin.onRemove(member)}
                    aria-label={`Remove ${member.displayName}`}
                  >
                    Remove
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
