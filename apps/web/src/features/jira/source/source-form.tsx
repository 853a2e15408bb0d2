import {
  type JiraConnection,
  type JiraSource,
  putJiraSourceRequestSchema,
  type Team,
} from '@bearing/contracts';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { usePutTeamSource } from '../../../api/jira';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { StatusMappingTable } from '../../teams/import/status-mapping-table';
import {
  INTERVAL_CHOICES,
  intervalLabel,
  requestOf,
  type SourceValues,
  statusRowsOf,
  valuesOf,
} from './source-draft';
import { StoryPointsSelect } from './story-points-select';

const FIELDS = [
  'connectionId',
  'jql',
  'boardId',
  'storyPointsField',
  'statuses',
  'intervalMinutes',
  'enabled',
] as const;

export interface SourceFormProps {
  workspace: string;
  team: Team;
  source: JiraSource | null;
  connections: JiraConnection[];
  /** The saved source; it carries `webhookUrl` when the save created it. */
  onSaved: (source: JiraSource) => void;
}

/**
 * Where the team's issues come from (a connection and a JQL or board), which field holds story
 * points, each status's stage — the import wizard's mapping table — and how often to sync.
 */
export function SourceForm({ workspace, team, source, connections, onSaved }: SourceFormProps) {
  const put = usePutTeamSource(workspace, team.id);
  const [newStatus, setNewStatus] = useState('');
  const form = useContractForm<SourceValues>({
    initialValues: () => valuesOf(source, team.workflow, connections[0]?.id ?? ''),
    // The version the form opened on: someone else's save since is a 409, not overwritten.
    request: contractRequest(
      putJiraSourceRequestSchema,
      (values) => requestOf(values, source?.version),
      async (body) => onSaved(await put.mutateAsync(body)),
    ),
  });
  const { values, setValue, errorAt } = form;
  const intervals = INTERVAL_CHOICES.includes(values.intervalMinutes as never)
    ? INTERVAL_CHOICES
    : [...INTERVAL_CHOICES, values.intervalMinutes].sort((a, b) => a - b);

  const addStatus = () => {
    const status = newStatus.trim();
    if (status === '' || status in values.statuses) return;
    setValue('statuses', { ...values.statuses, [status]: '' });
    setNewStatus('');
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert error={form.error} fields={FIELDS} title="Not saved" />
          <NativeSelect
            label="Jira connection"
            data={connections.map((connection) => ({
              value: connection.id,
              label: `${connection.name} — ${connection.baseUrl}`,
            }))}
            value={values.connectionId}
            onChange={(event) => setValue('connectionId', event.currentTarget.value)}
            error={errorAt('connectionId')}
            maw={480}
          />
          <Textarea
            label="JQL"
            description="The issues of this team, e.g. project = PAY. Leave empty to use the board's own filter."
            autosize
            minRows={2}
            value={values.jql}
            onChange={(event) => setValue('jql', event.currentTarget.value)}
            error={errorAt('jql')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <TextInput
            label="Board id"
            description="The Jira board whose sprints the team works in (the number in the board's address)."
            inputMode="numeric"
            value={values.boardId}
            onChange={(event) => setValue('boardId', event.currentTarget.value)}
            error={errorAt('boardId')}
            maw={240}
          />
          <StoryPointsSelect
            workspace={workspace}
            connectionId={values.connectionId === '' ? null : values.connectionId}
            value={values.storyPointsField}
            onChange={(fieldId) => setValue('storyPointsField', fieldId)}
            error={errorAt('storyPointsField')}
          />
          <StatusMappingTable
            title="Jira statuses"
            appliedWhen="when you save"
            statuses={statusRowsOf(team.workflow, values.statuses)}
            workflow={team.workflow}
            choices={values.statuses}
            onChange={(statuses) => setValue('statuses', statuses)}
          />
          {errorAt('statuses') && (
            <Text size="sm" c="red">
              {errorAt('statuses')}
            </Text>
          )}
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Another Jira status"
              description="A status this team's issues use that the list lacks."
              value={newStatus}
              onChange={(event) => setNewStatus(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addStatus();
                }
              }}
              maw={320}
            />
            <Button variant="default" onClick={addStatus}>
              Add status
            </Button>
          </Group>
          <Group align="flex-end" gap="xl">
            <NativeSelect
              label="Sync every"
              data={intervals.map((minutes) => ({
                value: String(minutes),
                label: intervalLabel(minutes),
              }))}
              value={String(values.intervalMinutes)}
              onChange={(event) => setValue('intervalMinutes', Number(event.currentTarget.value))}
              error={errorAt('intervalMinutes')}
            />
            <Switch
              label="Sync on this schedule"
              checked={values.enabled}
              onChange={(event) => setValue('enabled', event.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {source ? 'Save source' : 'Connect to Jira'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
