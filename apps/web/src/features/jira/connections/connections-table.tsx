import type { JiraConnection } from '@bearing/contracts';
import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateTime } from '../../../components/date-time';

export interface ConnectionsTableProps {
  connections: JiraConnection[];
  /** Admins test, edit and delete; others only read. */
  admin?: {
    onTest: (connection: JiraConnection) => void;
    onEdit: (connection: JiraConnection) => void;
    onDelete: (connection: JiraConnection) => void;
    /** The connection whose test is running. */
    testing: string | null;
  };
}

/** Each connection by name, address, flavour and account — never its token. */
export function ConnectionsTable({ connections, admin }: ConnectionsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Jira</Table.Th>
            <Table.Th>Signs in as</Table.Th>
            <Table.Th>Added</Table.Th>
            {admin && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((connection) => (
            <Table.Tr key={connection.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {connection.name}
                </Text>
                <Code fz="xs">{connection.baseUrl}</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="blue" tt="none">
                  {connection.flavour === 'cloud' ? 'Cloud' : 'Data Center'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {connection.flavour === 'cloud'
                    ? (connection.email ?? '—')
                    : 'Personal access token'}
                </Text>
                {!connection.hasSecret && (
                  <Text size="xs" c="red">
                    No token stored
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={connection.createdAt} dateOnly />
                </Text>
              </Table.Td>
              {admin && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => admin.onTest(connection)}
                      loading={admin.testing === connection.id}
                      aria-label={`Test ${connection.name}`}
                    >
                      Test
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => admin.onEdit(connection)}
                      aria-label={`Edit ${connection.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => admin.onDelete(connection)}
                      aria-label={`Delete ${connection.name}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
