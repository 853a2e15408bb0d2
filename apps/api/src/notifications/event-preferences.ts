import type {
  EventChannelPreference,
  NotificationEvent,
  NotificationPreferences,
} from '@bearing/contracts';
import { NOTIFICATION_EVENTS } from '@bearing/contracts';
import type { NotificationPreference } from './notification-preference.entity.js';

/**
 * Every event reaches the inbox and email unless the user turned it off; Slack and Teams are
 * workspace channels (alert-channel events), so the per-user flags start off.
 */
export const DEFAULT_EVENT_PREFERENCE: EventChannelPreference = {
  inbox: true,
  email: true,
  slack: false,
  teams: false,
};

export function eventPreference(
  stored: NotificationPreference | undefined,
  event: NotificationEvent,
): EventChannelPreference {
  return { ...DEFAULT_EVENT_PREFERENCE, ...stored?.events[event] };
}

/** Which channels of a user an event reaches: the digest also needs `digest` on. */
export function wantedChannels(
  stored: NotificationPreference | undefined,
  event: NotificationEvent,
): EventChannelPreference {
  const wanted = eventPreference(stored, event);
  if (event === 'digest.weekly' && stored?.digest === false) {
    return { inbox: false, email: false, slack: false, teams: false };
  }
  return wanted;
}

export function preferencesResponse(
  stored: NotificationPreference | undefined,
): NotificationPreferences {
  return {
    events: Object.fromEntries(
      NOTIFICATION_EVENTS.map((event) => [event, eventPreference(stored, event)]),
    ) as NotificationPreferences['events'],
    digest: stored?.digest ?? true,
  };
}
