import type { DeliveryState, NotificationChannelKind } from '@bearing/contracts';
import type { StatusStyle } from '../../../components/status-badge';

export const CHANNEL_KIND_LABELS: Readonly<Record<NotificationChannelKind, string>> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  email: 'Email',
};

/** What the address field holds for each kind, in the add form. */
export const CHANNEL_ADDRESS_LABELS: Readonly<Record<NotificationChannelKind, string>> = {
  slack: 'Incoming webhook URL',
  teams: 'Workflows webhook URL',
  email: 'Email address',
};

/** Each delivery state in words, colour and shape: waiting is hollow, given up a red square. */
export const DELIVERY_STATE_STYLES: Readonly<Record<DeliveryState, StatusStyle>> = {
  pending: { label: 'Pending', color: 'gray', shape: 'ring' },
  retrying: { label: 'Retrying', color: 'yellow', shape: 'triangle' },
  sent: { label: 'Sent', color: 'teal', shape: 'circle' },
  dead: { label: 'Dead', color: 'red', shape: 'square' },
};
