import type { NotificationChannel } from '@bearing/contracts';
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { StatusBadge } from '../../../components/status-badge';
import { CHANNEL_KIND_LABELS } from './channel-labels';

export interface ChannelsTableProps {
  channels: NotificationChannel[];
  onTest: (channel: NotificationChannel) => void;
  /** Rename it or give it a new address (offered as "Enter new address" on a broken one). */
  onEdit: (channel: NotificationChannel) => void;
  onDelete: (channel: NotificationChannel) => void;
  /** The channel whose test is on its way, if any. */
  testing: string | undefined;
}

const WORKS = { label: 'Works', color: 'teal', shape: 'circle' } as const;
const BROKEN = { label: 'Broken', color: 'red', shape: 'square' } as const;

/**
 * The workspace's channels, oldest first. The address is never shown: the server keeps it
 * sealed and says only that one is stored.
 */
export function ChannelsTable({ channels, onTest, onEdit, onDelete, testing }: ChannelsTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Notification channels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {channels.map((channel) => (
            <Table.Tr key={channel.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {channel.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{CHANNEL_KIND_LABELS[channel.kind]}</Text>
              </Table.Td>
              <Table.Td>
                {channel.hasSecret ? (
                  <Badge variant="outline" color="gray" tt="none">
                    Secret stored
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={channel.broken ? BROKEN : WORKS} />
                {channel.brokenReason && (
                  <Text size="xs" c="red" mt={4}>
                    {channel.brokenReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">
                  <DateTime value={channel.createdAt} dateOnly />
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onTest(channel)}
                    loading={testing === channel.id}
                    aria-label={`Send a test to ${channel.name}`}
                  >
                    Send test
                  </Button>
                  <Button
                    size="xs"
                    variant={channel.broken ? 'filled' : 'subtle'}
                    onClick={() => onEdit(channel)}
                    aria-label={
                      channel.broken
                        ? `Enter a new address for ${channel.name}`
                        : `Edit ${channel.name}`
                    }
                  >
                    {channel.broken ? 'Enter new address' : 'Edit'}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDelete(channel)}
                    aria-label={`Delete ${channel.name}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
