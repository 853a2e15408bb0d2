import type { ApiToken } from '@bearing/contracts';
import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateTime } from '../../../components/date-time';

export interface TokensTableProps {
  tokens: ApiToken[];
  /** Adds an Owner column (the admins' view of everyone's tokens). */
  showOwner?: boolean;
  /** Whose name to show as "you" in the Owner column. */
  currentUserId: string;
  onRevoke: (token: ApiToken) => void;
}

function isExpired(token: ApiToken): boolean {
  return Date.parse(token.expiresAt) <= Date.now();
}

/** API tokens by name and first characters, never their secret; each with "Revoke". */
export function TokensTable({
  tokens,
  showOwner = false,
  currentUserId,
  onRevoke,
}: TokensTableProps) {
  return (
    <Table.ScrollContainer minWidth={showOwner ? 860 : 720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showOwner && <Table.Th>Owner</Table.Th>}
            <Table.Th>Scope</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {token.name}
                </Text>
                <Code fz="xs">{token.prefix}…</Code>
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">
                    {token.owner.displayName}
                    {token.owner.id === currentUserId && ' (you)'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {token.owner.email}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Badge variant="light" color={token.scope === 'write' ? 'teal' : 'gray'} tt="none">
                  {token.scope === 'write' ? 'Write' : 'Read'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={token.createdAt} dateOnly />
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">
                    <DateTime value={token.expiresAt} dateOnly />
                  </Text>
                  {isExpired(token) && (
                    <Badge size="xs" color="red" variant="light" tt="none">
                      Expired
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                  {token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : 'Never'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
