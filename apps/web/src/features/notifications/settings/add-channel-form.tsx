import {
  createNotificationChannelRequestSchema,
  type NotificationChannel,
  type NotificationChannelKind,
  notificationChannelKindSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useCreateNotificationChannel } from '../../../api/notifications';
import { FormErrorAlert } from '../../../components/form-error-alert';
import {
  type ContractForm,
  contractRequest,
  useContractForm,
} from '../../../components/use-contract-form';
import { CHANNEL_ADDRESS_LABELS, CHANNEL_KIND_LABELS } from './channel-labels';

interface ChannelValues {
  name: string;
  kind: NotificationChannelKind;
  url: string;
}

const KIND_OPTIONS = notificationChannelKindSchema.options.map((kind) => ({
  value: kind,
  label: CHANNEL_KIND_LABELS[kind],
}));

const ADDRESS_HINTS: Readonly<Record<NotificationChannelKind, string>> = {
  slack: 'https://hooks.slack.com/services/… — stored encrypted, never shown again.',
  teams: 'The https URL of a Teams Workflows webhook — stored encrypted, never shown again.',
  email: 'A team list such as ops@example.com — stored encrypted, never shown again.',
};

export interface AddChannelFormProps {
  workspace: string;
  onAdded: (channel: NotificationChannel) => void;
}

/** Name, kind and address of a new channel; the address goes to the server and nowhere else. */
export function AddChannelForm({ workspace, onAdded }: AddChannelFormProps) {
  const create = useCreateNotificationChannel(workspace);
  const form: ContractForm<ChannelValues> = useContractForm<ChannelValues>({
    initialValues: { name: '', kind: 'slack', url: '' },
    request: contractRequest(
      createNotificationChannelRequestSchema,
      (values: ChannelValues) => values,
      async (body) => {
        const channel = await create.mutateAsync(body);
        // The address is not kept in the page once the server has it.
        form.setValues({ name: '', url: '' });
        onAdded(channel);
      },
    ),
  });
  const { values, setValue, errorAt } = form;

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={form.submit} noValidate aria-label="Add a channel">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            Add a channel
          </Text>
          <FormErrorAlert
            title="Channel not added"
            error={form.error}
            fields={['name', 'kind', 'url']}
          />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Name"
              placeholder="e.g. #program-alerts"
              required
              value={values.name}
              onChange={(event) => setValue('name', event.currentTarget.value)}
              error={errorAt('name')}
              style={{ flex: '1 1 200px' }}
            />
            <NativeSelect
              label="Kind"
              data={KIND_OPTIONS}
              value={values.kind}
              onChange={(event) =>
                setValue('kind', notificationChannelKindSchema.parse(event.currentTarget.value))
              }
              style={{ flex: '0 1 180px' }}
            />
            <TextInput
              label={CHANNEL_ADDRESS_LABELS[values.kind]}
              description={ADDRESS_HINTS[values.kind]}
              type={values.kind === 'email' ? 'email' : 'url'}
              autoComplete="off"
              required
              value={values.url}
              onChange={(event) => setValue('url', event.currentTarget.value)}
              error={errorAt('url')}
              style={{ flex: '2 1 320px' }}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Add channel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
