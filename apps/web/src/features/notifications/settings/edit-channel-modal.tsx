import {
  type NotificationChannel,
  updateNotificationChannelRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useUpdateNotificationChannel } from '../../../api/notifications';
import { FormErrorAlert } from '../../../components/form-error-alert';
import {
  type ContractForm,
  contractRequest,
  useContractForm,
} from '../../../components/use-contract-form';
import { CHANNEL_ADDRESS_LABELS } from './channel-labels';

interface EditValues {
  name: string;
  url: string;
}

export interface EditChannelModalProps {
  workspace: string;
  /** The channel being edited; null when the dialog is closed. */
  channel: NotificationChannel | null;
  onClose: () => void;
  onSaved: (channel: NotificationChannel) => void;
}

/**
 * Renames a channel or gives it a new address — the way to repair a broken one (its webhook
 * was deleted or Slack reinstalled the app): a new address makes it a working channel again.
 * The stored address is never shown; leaving the field empty keeps it.
 */
export function EditChannelModal({ workspace, channel, onClose, onSaved }: EditChannelModalProps) {
  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      title={
        channel?.broken ? `Enter a new address for ${channel.name}` : `Edit ${channel?.name ?? ''}`
      }
      size="lg"
      centered
    >
      {channel && (
        <EditChannelForm
          key={channel.id}
          workspace={workspace}
          channel={channel}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function EditChannelForm({
  workspace,
  channel,
  onCancel,
  onSaved,
}: {
  workspace: string;
  channel: NotificationChannel;
  onCancel: () => void;
  onSaved: (channel: NotificationChannel) => void;
}) {
  const update = useUpdateNotificationChannel(workspace);
  const form: ContractForm<EditValues> = useContractForm<EditValues>({
    initialValues: { name: channel.name, url: '' },
    validate: (values) =>
      channel.broken && values.url.trim() === ''
        ? { url: 'Enter the new address: the stored one no longer works.' }
        : {},
    request: contractRequest(
      updateNotificationChannelRequestSchema,
      (values: EditValues) => ({
        name: values.name,
        ...(values.url.trim() === '' ? {} : { url: values.url.trim() }),
      }),
      async (body) => onSaved(await update.mutateAsync({ id: channel.id, ...body })),
    ),
  });
  const { values, setValue, errorAt } = form;
  return (
    <form onSubmit={form.submit} noValidate aria-label={`Edit channel ${channel.name}`}>
      <Stack gap="sm">
        {channel.broken && (
          <Text size="sm">
            Messages to this channel stopped: {channel.brokenReason ?? 'its address failed'}. Enter
            its new address; alerts are sent to it again once it is saved.
          </Text>
        )}
        <FormErrorAlert title="Channel not saved" error={form.error} fields={['name', 'url']} />
        <TextInput
          label="Name"
          required
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        <TextInput
          label={`New ${CHANNEL_ADDRESS_LABELS[channel.kind].toLowerCase()}`}
          description={
            channel.broken
              ? 'Stored encrypted, never shown again.'
              : 'Leave empty to keep the stored address. Stored encrypted, never shown again.'
          }
          type={channel.kind === 'email' ? 'email' : 'url'}
          autoComplete="off"
          required={channel.broken}
          value={values.url}
          onChange={(event) => setValue('url', event.currentTarget.value)}
          error={errorAt('url')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save channel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
