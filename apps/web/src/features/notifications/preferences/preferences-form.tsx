import type {
  DeliveryChannel,
  NotificationEvent,
  NotificationPreferences,
} from '@bearing/contracts';
import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useUpdateNotificationPreferences } from '../../../api/notifications';
import { useUpdatePreferences } from '../../../app/auth/session';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { type EventPreferences, PreferenceMatrix } from './preference-matrix';
import { UserTimeZoneSelect } from './user-time-zone-select';

export interface PreferencesFormProps {
  saved: NotificationPreferences;
  /** The user's time zone (`PATCH /api/me`), `null` before they chose one. */
  savedTimeZone: string | null;
}

/**
 * The matrix, the digest switch and the time zone, saved together: the preferences with
 * `PUT /api/me/notification-preferences`, the time zone (when changed) with `PATCH /api/me`.
 */
export function PreferencesForm({ saved, savedTimeZone }: PreferencesFormProps) {
  const [events, setEvents] = useState<EventPreferences>(() => ({ ...saved.events }));
  const [digest, setDigest] = useState(saved.digest);
  const [timeZone, setTimeZone] = useState(savedTimeZone);
  const [done, setDone] = useState(false);
  const updatePreferences = useUpdateNotificationPreferences();
  const updateMe = useUpdatePreferences();
  const saving = updatePreferences.isPending || updateMe.isPending;

  const toggle = (event: NotificationEvent, channel: DeliveryChannel, on: boolean) => {
    setDone(false);
    setEvents((current) => ({ ...current, [event]: { ...current[event], [channel]: on } }));
  };

  const save = async (submitted: FormEvent<HTMLFormElement>) => {
    submitted.preventDefault();
    setDone(false);
    updatePreferences.reset();
    updateMe.reset();
    try {
      await updatePreferences.mutateAsync({ events, digest });
      if (timeZone !== null && timeZone !== savedTimeZone) await updateMe.mutateAsync({ timeZone });
      setDone(true);
    } catch {
      // Shown by the alert below, from the mutation's error.
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2} size="h3">
            Events and channels
          </Title>
          <Text size="sm" c="dimmed">
            The inbox is the bell in the header; email goes to your address when this server sends
            email. Slack and Microsoft Teams messages go to the channels your workspace admins add
            under Settings → Notifications; your Slack and Teams choices here are kept with your
            preferences.
          </Text>
          <PreferenceMatrix events={events} onChange={toggle} disabled={saving} />
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Weekly digest
          </Title>
          <Switch
            label="Send me the weekly digest"
            description="For your audience: the portfolio for executives, the programs you follow for stakeholders, your teams' sprints and flow for teams."
            checked={digest}
            onChange={(change) => {
              setDone(false);
              setDigest(change.currentTarget.checked);
            }}
            disabled={saving}
          />
          <UserTimeZoneSelect
            value={timeZone}
            onChange={(zone) => {
              setDone(false);
              setTimeZone(zone);
            }}
            disabled={saving}
          />
        </Stack>
        <FormErrorAlert
          title="Preferences not saved"
          error={updatePreferences.error ?? updateMe.error}
          fields={[]}
        />
        <Group justify="flex-end" gap="md">
          {done && (
            <Text size="sm" role="status" fw={600}>
              Saved.
            </Text>
          )}
          <Button type="submit" loading={saving}>
            Save preferences
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
