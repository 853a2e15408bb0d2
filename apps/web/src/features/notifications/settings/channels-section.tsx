import type { NotificationChannel, NotificationChannelTestResult } from '@bearing/contracts';
import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../api/api-error';
import {
  useDeleteNotificationChannel,
  useNotificationChannels,
  useTestNotificationChannel,
} from '../../../api/notifications';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { SectionHeader } from '../../settings/section-header';
import { EmptyTable, TableSkeleton } from '../../settings/table-states';
import { AddChannelForm } from './add-channel-form';
import { ChannelsTable } from './channels-table';
import { EditChannelModal } from './edit-channel-modal';

type Outcome =
  | { kind: 'added'; channel: NotificationChannel }
  | { kind: 'saved'; channel: NotificationChannel }
  | { kind: 'tested'; channel: NotificationChannel; result: NotificationChannelTestResult }
  | { kind: 'failed'; channel: NotificationChannel; error: unknown };

/** Settings → Notifications, channels: Slack, Teams and email lists of the workspace. */
export function ChannelsSection({ workspace }: { workspace: string }) {
  const channels = useNotificationChannels(workspace);
  const test = useTestNotificationChannel(workspace);
  const remove = useDeleteNotificationChannel(workspace);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<NotificationChannel | null>(null);
  const [editing, setEditing] = useState<NotificationChannel | null>(null);

  const onTest = (channel: NotificationChannel) => {
    setOutcome(null);
    test.mutate(channel.id, {
      onSuccess: (result) => setOutcome({ kind: 'tested', channel, result }),
      onError: (error) => setOutcome({ kind: 'failed', channel, error }),
    });
  };
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };

  return (
    <Stack gap="md">
      <SectionHeader
        title="Channels"
        description="Where the workspace's alerts go besides each person's inbox and email: Slack incoming webhooks, Microsoft Teams Workflows webhooks and email lists. Guardrail changes and other alerts are posted here."
      />
      {channels.data && !channels.data.emailEnabled && (
        <Alert color="yellow" title="Email is off" role="status">
          <Text size="sm">
            This server has no mail server configured (<code>BEARING_SMTP_URL</code>), so no email
            is sent: not to people, not to email channels. The inbox, Slack and Teams still work.
          </Text>
        </Alert>
      )}
      <AddChannelForm
        workspace={workspace}
        onAdded={(channel) => setOutcome({ kind: 'added', channel })}
      />
      {outcome && <OutcomeAlert outcome={outcome} onDismiss={() => setOutcome(null)} />}
      {channels.isPending ? (
        <TableSkeleton label="Loading channels" />
      ) : channels.isError ? (
        <ErrorAlert
          title="Channels could not be loaded"
          error={channels.error}
          onRetry={() => void channels.refetch()}
        />
      ) : channels.data.items.length === 0 ? (
        <EmptyTable>
          No channels yet: notifications reach people&apos;s inboxes and email only.
        </EmptyTable>
      ) : (
        <ChannelsTable
          channels={channels.data.items}
          onTest={onTest}
          onEdit={(channel) => {
            setOutcome(null);
            setEditing(channel);
          }}
          onDelete={setDeleting}
          testing={test.isPending ? test.variables : undefined}
        />
      )}
      <EditChannelModal
        workspace={workspace}
        channel={editing}
        onClose={() => setEditing(null)}
        onSaved={(channel) => {
          setEditing(null);
          setOutcome({ kind: 'saved', channel });
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title="Delete channel"
        confirmLabel="Delete channel"
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: closeDelete })}
        onClose={closeDelete}
        pending={remove.isPending}
        error={remove.error}
        errorTitle="Channel not deleted"
      >
        Nothing more will be posted to <strong>{deleting?.name}</strong>; its stored address is
        deleted too.
      </ConfirmModal>
    </Stack>
  );
}

function OutcomeAlert({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const name = outcome.channel.name;
  const good =
    outcome.kind === 'added' ||
    outcome.kind === 'saved' ||
    (outcome.kind === 'tested' && outcome.result.ok);
  const title =
    outcome.kind === 'added'
      ? `Channel ${name} added`
      : outcome.kind === 'saved'
        ? `Channel ${name} saved`
        : outcome.kind === 'tested'
          ? outcome.result.ok
            ? `Test sent to ${name}`
            : `Test to ${name} failed`
          : `Could not test ${name}`;
  const detail =
    outcome.kind === 'added'
      ? 'Its address is stored encrypted and will not be shown again. Send a test to check it.'
      : outcome.kind === 'saved'
        ? outcome.channel.broken
          ? 'Its name is saved. It is still marked broken: enter a new address, or send a test once it works again.'
          : 'Alerts are sent to it. Send a test to check it.'
        : outcome.kind === 'tested'
          ? outcome.result.detail
          : describeError(outcome.error);
  return (
    <Alert
      color={good ? 'teal' : 'red'}
      title={title}
      role={good ? 'status' : 'alert'}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
    >
      <Text size="sm">{detail}</Text>
    </Alert>
  );
}
