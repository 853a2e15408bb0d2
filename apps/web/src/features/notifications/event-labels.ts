import type { DeliveryChannel, NotificationEvent } from '@bearing/contracts';

interface EventWords {
  /** In the inbox, the preferences and the delivery log. */
  label: string;
  /** On the preferences page: who gets it and when. */
  description: string;
}

// Keyed by string so an event the API adds before this page knows it still shows (by its name).
const EVENT_WORDS: Readonly<Record<string, EventWords>> = {
  'checkin.due': {
    label: 'Check-in due',
    description: 'A key result of an objective you own is due for its check-in.',
  },
  'checkin.overdue': {
    label: 'Check-in overdue',
    description: 'A key result of an objective you own missed its check-in.',
  },
  'report.due': {
    label: 'Weekly report due',
    description: 'The weekly report of a program you own is not drafted or published yet.',
  },
  'report.published': {
    label: 'Report published',
    description: 'A program you follow published its weekly report, written for your audience.',
  },
  'guardrail.changed': {
    label: 'Guardrail status changed',
    description:
      'A guardrail you follow, or one guarding a program you follow, went to warning, breached or back.',
  },
  'milestone.slipped': {
    label: 'Milestone slipped',
    description: 'A milestone of a program you follow moved later than its baseline.',
  },
  'dependency.overdue': {
    label: 'Dependency overdue',
    description: 'A dependency of a program you follow is past its need-by day.',
  },
  'raid.high': {
    label: 'High-scoring RAID item',
    description: 'A program you follow gained a RAID item scoring 15 or more.',
  },
  'import.failed': {
    label: 'Import failed',
    description: 'An import of a team you follow failed (editors and admins).',
  },
  'sync.failed': {
    label: 'Sync failed',
    description: 'A Jira sync of a team you follow failed (editors and admins).',
  },
  'alert.fired': {
    label: 'Alert fired',
    description: 'An alert rule on something you follow fired.',
  },
  'alert.resolved': {
    label: 'Alert resolved',
    description: 'An alert rule on something you follow is back within bounds.',
  },
  'channel.broken': {
    label: 'Channel broken',
    description:
      'A Slack or Teams channel of a workspace you administer stopped accepting messages.',
  },
  'digest.weekly': {
    label: 'Weekly digest',
    description: 'Your weekly summary, on the review weekday in your time zone.',
  },
};

/** `report.published` → "Report published"; an event this page has no words for, as sent. */
export function eventLabel(event: NotificationEvent): string {
  return EVENT_WORDS[event]?.label ?? event;
}

export function eventDescription(event: NotificationEvent): string {
  return EVENT_WORDS[event]?.description ?? '';
}

export const DELIVERY_CHANNEL_LABELS: Readonly<Record<DeliveryChannel, string>> = {
  inbox: 'Inbox',
  email: 'Email',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};
