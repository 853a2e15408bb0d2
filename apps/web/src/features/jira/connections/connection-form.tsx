import {
  createJiraConnectionRequestSchema,
  type JiraConnection,
  type JiraFlavour,
  updateJiraConnectionRequestSchema,
} from '@bearing/contracts';
import {
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useCreateJiraConnection, useUpdateJiraConnection } from '../../../api/jira';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import {
  type ConnectionValues,
  createRequestOf,
  tokenNeededErrors,
  updateRequestOf,
  valuesOf,
} from './connection-draft';

const FIELDS = ['name', 'baseUrl', 'flavour', 'email', 'secret'] as const;

/** What each flavour signs in with, in the words Atlassian's own pages use. */
const FLAVOUR_HELP: Record<
  JiraFlavour,
  { secretLabel: string; secretHelp: string; urlHint: string }
> = {
  cloud: {
    secretLabel: 'API token',
    secretHelp: 'Made at id.atlassian.com → Security → API tokens, for the account above.',
    urlHint: 'https://your-site.atlassian.net',
  },
  'data-center': {
    secretLabel: 'Personal access token',
    secretHelp: 'Made in Jira under your profile → Personal access tokens.',
    urlHint: 'https://jira.example.internal',
  },
};

export interface ConnectionFormProps {
  workspace: string;
  /** Edit this connection; without it the form adds one. */
  connection?: JiraConnection;
  onSaved: (connection: JiraConnection) => void;
  onCancel: () => void;
}

/**
 * Name, address, flavour and credentials. Cloud signs in with an account's email and an API
 * token, Data Center with a personal access token. Editing leaves the stored token as it is
 * unless a new one is typed (the token is never sent back to the browser) — but moving the
 * connection to another address, flavour or account asks for the token again.
 */
export function ConnectionForm({ workspace, connection, onSaved, onCancel }: ConnectionFormProps) {
  const create = useCreateJiraConnection(workspace);
  const update = useUpdateJiraConnection(workspace);
  const form = useContractForm<ConnectionValues>({
    initialValues: () => valuesOf(connection),
    request: connection
      ? contractRequest(
          updateJiraConnectionRequestSchema,
          (values: ConnectionValues) => updateRequestOf(values, connection),
          async (change) => onSaved(await update.mutateAsync({ id: connection.id, change })),
        )
      : contractRequest(createJiraConnectionRequestSchema, createRequestOf, async (body) =>
          onSaved(await create.mutateAsync(body)),
        ),
    validate: (values) => (connection ? tokenNeededErrors(values, connection) : {}),
  });
  const { values, setValue, errorAt } = form;
  const help = FLAVOUR_HELP[values.flavour];
  // Moved to another site, flavour or account: the stored token does not go along.
  const tokenNeeded =
    connection !== undefined && Object.keys(tokenNeededErrors(values, connection)).length > 0;
  const keepsStoredToken = connection?.hasSecret === true && !tokenNeeded;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert error={form.error} fields={FIELDS} title="Not saved" />
        <TextInput
          label="Name"
          description="How teams pick it, e.g. “Acme Jira”."
          required
          data-autofocus
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="jira-flavour-label">
            Jira
          </Text>
          <SegmentedControl
            aria-labelledby="jira-flavour-label"
            value={values.flavour}
            onChange={(flavour) =>
              setValue('flavour', flavour === 'data-center' ? 'data-center' : 'cloud')
            }
            data={[
              { value: 'cloud', label: 'Cloud' },
              { value: 'data-center', label: 'Data Center / Server' },
            ]}
          />
        </Stack>
        <TextInput
          label="Address"
          description={`The site's base address, e.g. ${help.urlHint}. Intranet addresses work.`}
          required
          value={values.baseUrl}
          onChange={(event) => setValue('baseUrl', event.currentTarget.value)}
          error={errorAt('baseUrl')}
        />
        {values.flavour === 'cloud' && (
          <TextInput
            label="Account email"
            description="The Atlassian account the API token belongs to."
            type="email"
            required
            value={values.email}
            onChange={(event) => setValue('email', event.currentTarget.value)}
            error={errorAt('email')}
          />
        )}
        <PasswordInput
          label={help.secretLabel}
          description={
            keepsStoredToken
              ? `${help.secretHelp} Leave empty to keep the stored one.`
              : tokenNeeded
                ? `${help.secretHelp} The address, Jira or account changed: type the token for it — the stored one only goes to the site it was given for.`
                : help.secretHelp
          }
          placeholder={
            keepsStoredToken ? 'Stored — unchanged unless you type a new one' : undefined
          }
          required={!connection || tokenNeeded}
          autoComplete="off"
          value={values.secret}
          onChange={(event) => setValue('secret', event.currentTarget.value)}
          error={errorAt('secret')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {connection ? 'Save connection' : 'Add connection'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
