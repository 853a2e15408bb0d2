import { type Team, type TeamCalendar, updateTeamRequestSchema } from '@bearing/contracts';
import { Button, Divider, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useUpdateTeam } from '../../../api/teams';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { TimeZoneSelect } from '../time-zone-select';
import { CalendarEditor } from './calendar-editor';
import { type PathErrors, pathErrorsFromIssues, pathErrorsFromProblem } from './path-errors';
import { StaleTeamAlert } from './stale-team-alert';
import { draftOfWorkflow, workflowOfDraft } from './workflow-draft';
import { WorkflowEditor } from './workflow-editor';

const FIELDS = ['name', 'timeZone', 'calendar', 'workflow'] as const;

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
  const [name, setName] = useState(team.name);
  const [timeZone, setTimeZone] = useState(team.timeZone);
  const [calendar, setCalendar] = useState<TeamCalendar>(team.calendar);
  const [workflow, setWorkflow] = useState(() => draftOfWorkflow(team.workflow));
  const [errors, setErrors] = useState<PathErrors>({});
  const [saved, setSaved] = useState(false);
  const disabled = !editor;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const parsed = updateTeamRequestSchema.safeParse({
      name,
      timeZone,
      calendar,
      workflow: workflowOfDraft(workflow),
      version,
    });
    if (!parsed.success) {
      setErrors(pathErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    updateTeam.mutate(parsed.data, {
      onSuccess: (updated) => {
        setVersion(updated.version);
        setSaved(true);
      },
      onError: (error) => setErrors(pathErrorsFromProblem(error)),
    });
  };

  const error = updateTeam.error;
  const stale = error instanceof ApiError && error.status === 409;
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
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              disabled={disabled}
            />
            <TimeZoneSelect
              value={timeZone}
              onChange={setTimeZone}
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
            calendar={calendar}
            onChange={setCalendar}
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
            draft={workflow}
            onChange={setWorkflow}
            errors={errors}
            disabled={disabled}
          />
        </Stack>
        {stale ? (
          <StaleTeamAlert onReload={onReload} />
        ) : (
          <FormErrorAlert error={error} fields={FIELDS} title="Settings not saved" />
        )}
        {editor && (
          <Group justify="flex-end" gap="sm">
            {saved && (
              <Text size="sm" c="teal" role="status">
                ✓ Saved
              </Text>
            )}
            <Button type="submit" loading={updateTeam.isPending}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
