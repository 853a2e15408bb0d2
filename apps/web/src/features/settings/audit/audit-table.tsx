import type { AuditEvent } from '@bearing/contracts';
import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { describeAuditEvent } from './describe-audit-event';

/** Audit events newest first: when, who (and whether through a token), what, to what, request. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Request id</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const { action, target } = describeAuditEvent(event);
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">
                    <DateTime value={event.createdAt} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {event.actor.displayName}
                    </Text>
                    {event.actorTokenId && (
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        via API token
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {event.actor.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{action}</Text>
                  <Text size="xs" c="dimmed">
                    {event.action}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{target || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {event.requestId ? (
                    <Code fz="xs">{event.requestId}</Code>
                  ) : (
                    <Text size="sm" c="dimmed">
                      start-up
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
