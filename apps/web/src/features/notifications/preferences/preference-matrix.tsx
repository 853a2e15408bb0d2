import {
  type DeliveryChannel,
  type EventChannelPreference,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
} from '@bearing/contracts';
import { Checkbox, Table, Text } from '@mantine/core';
import { DELIVERY_CHANNEL_LABELS, eventDescription, eventLabel } from '../event-labels';

const CHANNELS: readonly DeliveryChannel[] = ['inbox', 'email', 'slack', 'teams'];

/** Events with a switch of their own on the page (the weekly digest), not a row here. */
const OWN_SWITCH: ReadonlySet<string> = new Set(['digest.weekly']);

export type EventPreferences = Record<NotificationEvent, EventChannelPreference>;

export interface PreferenceMatrixProps {
  events: EventPreferences;
  onChange: (event: NotificationEvent, channel: DeliveryChannel, on: boolean) => void;
  disabled?: boolean;
}

/**
 * Every event (rows) against every channel (columns): a checkbox each, named "<Channel> for
 * <event>" so a screen reader hears both. Scrolls sideways on a phone rather than squeezing.
 */
export function PreferenceMatrix({ events, onChange, disabled }: PreferenceMatrixProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="Notifications by event and channel">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            {CHANNELS.map((channel) => (
              <Table.Th key={channel} ta="center">
                {DELIVERY_CHANNEL_LABELS[channel]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {NOTIFICATION_EVENTS.filter((event) => !OWN_SWITCH.has(event)).map((event) => (
            <Table.Tr key={event}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {eventLabel(event)}
                </Text>
                <Text size="xs" c="dimmed">
                  {eventDescription(event)}
                </Text>
              </Table.Td>
              {CHANNELS.map((channel) => (
                <Table.Td key={channel} ta="center">
                  <Checkbox
                    display="inline-block"
                    aria-label={`${DELIVERY_CHANNEL_LABELS[channel]} for ${eventLabel(event)}`}
                    checked={events[event][channel]}
                    onChange={(change) => onChange(event, channel, change.currentTarget.checked)}
                    disabled={disabled}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
