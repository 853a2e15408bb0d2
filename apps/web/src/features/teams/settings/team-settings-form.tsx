import { type Team, type TeamCalendar, updateTeamRequestSchema } from '@bearing/contracts';
import { Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useUpdateTeam } from '../../../api/teams';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TimeZoneSelect } from '../time-zone-select';
import { CalendarEditor } from './calendar-editor';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { StaleTeamAlert } from './stale-team-alert';
import { draftOfWorkflow, type WorkflowDraft, workflowOfDraft } from './workflow-draft';
import { WorkflowEditor } from './workflow-editor';

const FIELDS = ['name', 'timeZone', 'calendar', 'workflow'] as const;

interface SettingsValues {
  name: string;
  timeZone: string;
  calendar: TeamCalendar;
  workflow: WorkflowDraft;
}

export interface TeamSettingsFormProps {
  workspace: string;
  team: Team;
  editor: boolean;
  /** Fetches the team again and refills the form from it (after a 409). */
  onReload: () => void;
}

/**
 * Name, time zone, working calendar and workflow, saved together with the `version` the form
 * was filled from — so a concurrent change is refused (409) instead of silently overwritten.
 */
export function TeamSettingsForm({ workspace, team, editor, onReload }: TeamSettingsFormProps) {
  const updateTeam = useUpdateTeam(workspace, team);
  const [version, setVersion] = useState(team.version);
  const [saved, setSaved] = useState(false);
  const form = useContractForm<SettingsValues>({
    initialValues: () => ({
      name: team.name,
      timeZone: team.timeZone,
      calendar: team.calendar,
      workflow: draftOfWorkflow(team.workflow),
    }),
    request: contractRequest(
      updateTeamRequestSchema,
      ({ name, timeZone, calendar, workflow }: SettingsValues) => ({
        name,
        timeZone,
        calendar,
        workflow: workflowOfDraft(workflow),
        version,
      }),
      async (body) => {
        const updated = await updateTeam.mutateAsync(body);
        setVersion(updated.version);
        setSaved(true);
      },
    ),
  });
  const { values, errors } = form;
  const disabled = !editor;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSaved(false);
    form.submit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Team settings">
      <Stack gap="lg">
        <Stack gap="md">
          <Title order={2} size="h3">
            Team
          </Title>
          <Group grow align="flex-start" maw={720}>
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={(event) => form.setValue('name', event.currentTarget.value)}
              error={errors.name}
              disabled={disabled}
            />
            <TimeZoneSelect
              value={values.timeZone}
              onChange={(zone) => form.setValue('timeZone', zone)}
              error={errors.timeZone}
              disabled={disabled}
            />
          </Group>
        </Stack>
        <Divider />
        <Stack gap="md">
          <Title order={2} size="h3">
            Working calendar
          </Title>
          <CalendarEditor
            calendar={values.calendar}
            onChange={(calendar) => form.setValue('calendar', calendar)}
            errors={errors}
            disabled={disabled}
          />
        </Stack>
        <Divider />
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              Workflow
            </Title>
            <Text size="sm" c="dimmed">
              The stages an item goes through, first (backlog) to last, and the tracker statuses
              each stands for. A status belongs to one stage; time in a status no stage lists is
              left out of the flow charts.
            </Text>
          </Stack>
          <WorkflowEditor
            draft={values.workflow}
            onChange={(workflow) => form.setValue('workflow', workflow)}
            errors={errors}
            disabled={disabled}
          />
        </Stack>
        {form.stale ? (
          <StaleTeamAlert onReload={onReload} />
        ) : (
          <FormErrorAlert error={form.error} fields={FIELDS} title="Settings not saved" />
        )}
        {editor && (
          <Group justify="flex-end" gap="sm">
            {saved && (
              <Text size="sm" c="teal" role="status">
                ✓ Saved
              </Text>
            )}
            <Button type="submit" loading={form.submitting}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
