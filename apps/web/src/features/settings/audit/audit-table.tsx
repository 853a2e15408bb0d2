import type { AuditEvent } from '@bearing/contracts';
import { Anchor, Badge, Code, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { auditTargetHref } from './audit-target-link';
import { describeAuditEvent } from './describe-audit-event';

/** Audit events newest first: when, who (and whether through a token), what, to what, request. */
export function AuditTable({ events, workspace }: { events: AuditEvent[]; workspace: string }) {
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
                  <AuditTarget event={event} workspace={workspace} described={target} />
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

/**
 * The target as it was named at the time ("Team · Platform"), linked to its page when there is
 * one, over what the details add (e.g. "ana@example.com: viewer → editor"). Old events recorded
 * before labels existed fall back to the details alone.
 */
function AuditTarget({
  event,
  workspace,
  described,
}: {
  event: AuditEvent;
  workspace: string;
  described: string;
}) {
  const label = event.targetLabel;
  if (!label) return <Text size="sm">{described || '—'}</Text>;
  const href = auditTargetHref(workspace, event);
  const more = described && !label.endsWith(` · ${described}`) ? described : '';
  return (
    <>
      {href ? (
        <Anchor component={Link} to={href} size="sm">
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      {more && (
        <Text size="xs" c="dimmed">
          {more}
        </Text>
      )}
    </>
  );
}
