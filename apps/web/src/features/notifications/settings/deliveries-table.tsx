import type { NotificationChannel, NotificationDelivery } from '@bearing/contracts';
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { StatusBadge } from '../../../components/status-badge';
import { DELIVERY_CHANNEL_LABELS, eventLabel } from '../event-labels';
import { DELIVERY_STATE_STYLES } from './channel-labels';

export interface DeliveriesTableProps {
  deliveries: NotificationDelivery[];
  /** The workspace's channels, to name a channel delivery's destination. */
  channels: readonly NotificationChannel[];
  onRetry: (delivery: NotificationDelivery) => void;
  /** The delivery whose retry is on its way, if any. */
  retrying: string | undefined;
}

/** A delivery that may be sent again: one given up (dead) or still waiting for its next try. */
export function canRetry(delivery: NotificationDelivery): boolean {
  return delivery.state === 'dead' || delivery.state === 'retrying';
}

function destination(delivery: NotificationDelivery, channels: readonly NotificationChannel[]) {
  if (delivery.channelId) {
    const channel = channels.find((candidate) => candidate.id === delivery.channelId);
    return channel ? channel.name : 'A deleted channel';
  }
  return delivery.recipient?.displayName ?? '—';
}

/**
 * Deliveries newest first: the event, where it went (a person's inbox or email, or a channel),
 * its state, tries and last error, with "Retry" on those not sent.
 */
export function DeliveriesTable({ deliveries, channels, onRetry, retrying }: DeliveriesTableProps) {
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Deliveries, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => {
            const to = destination(delivery, channels);
            return (
              <Table.Tr key={delivery.id}>
                <Table.Td maw={320}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {delivery.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {eventLabel(delivery.event)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{DELIVERY_CHANNEL_LABELS[delivery.channel]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{to}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={DELIVERY_STATE_STYLES[delivery.state]} />
                  {delivery.state === 'retrying' && delivery.nextAttemptAt && (
                    <Text size="xs" c="dimmed" mt={4}>
                      Next try <DateTime value={delivery.nextAttemptAt} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{delivery.attempts}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">
                    <DateTime value={delivery.createdAt} />
                  </Text>
                </Table.Td>
                <Table.Td miw={200} maw={360}>
                  {delivery.lastError ? (
                    <Text size="sm" c="red" style={{ overflowWrap: 'anywhere' }}>
                      {delivery.lastError}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canRetry(delivery) && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onRetry(delivery)}
                      loading={retrying === delivery.id}
                      aria-label={`Retry ${DELIVERY_CHANNEL_LABELS[delivery.channel]} delivery to ${to}: ${delivery.title}`}
                    >
                      Retry
                    </Button>
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
