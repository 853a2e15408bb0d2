import {
  createSprintRequestSchema,
  type Sprint,
  sprintStateSchema,
  updateSprintRequestSchema,
} from '@bearing/contracts';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useCreateSprint, useUpdateSprint } from '../../../api/sprints';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { daysBetween } from '../dashboard/forecast-inputs';
import {
  createSprintBody,
  draftErrors,
  draftFromSprint,
  type SprintDraft,
  updateSprintBody,
} from './sprint-draft';
import { SPRINT_STATE_OPTIONS } from './sprint-labels';
import { DayInput } from '../../../components/day-input';

const FIELDS = ['name', 'start', 'end', 'goal', 'state'] as const;

export interface SprintFormProps {
  workspace: string;
  teamId: string;
  timeZone: string;
  /** The sprint to edit; a new one without. */
  sprint?: Sprint | undefined;
  /** Where a new sprint's fields start (the suggested next sprint). */
  initial: SprintDraft;
  onSaved: (sprint: Sprint | null) => void;
  onCancel: () => void;
  /** Fetches the sprints again and refills the form from the fresh sprint (after a 409). */
  onReload: () => void;
}

/** A sprint's name, days (in the team's time zone), goal and state. */
export function SprintForm({
  workspace,
  teamId,
  timeZone,
  sprint,
  initial,
  onSaved,
  onCancel,
  onReload,
}: SprintFormProps) {
  const createSprint = useCreateSprint(workspace, teamId);
  const updateSprint = useUpdateSprint(workspace, teamId);
  const form = useContractForm<SprintDraft>({
    initialValues: () => (sprint ? draftFromSprint(sprint, timeZone) : initial),
    request: sprint
      ? contractRequest(
          updateSprintRequestSchema,
          (draft: SprintDraft) => updateSprintBody(draft, sprint, timeZone),
          async (body) => {
            if (Object.keys(body).length === 1) return onSaved(sprint); // nothing but the version
            onSaved(await updateSprint.mutateAsync({ id: sprint.id, ...body }));
          },
        )
      : contractRequest(
          createSprintRequestSchema,
          (draft: SprintDraft) => createSprintBody(draft, timeZone),
          async (body) => onSaved(await createSprint.mutateAsync(body)),
        ),
    validate: (draft) => draftErrors(draft, sprint),
  });
  const { values: draft, setValues: change, errorAt, stale } = form;

  const length =
    draft.start !== '' && draft.end !== '' && draft.end >= draft.start
      ? daysBetween(draft.start, draft.end) + 1
      : null;
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {stale ? (
          <Alert color="yellow" title="Changed by someone else" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                This sprint was changed by someone else since you opened it, so your changes were
                not saved. Reload to see theirs, then make yours again.
              </Text>
              <Button size="xs" variant="white" color="yellow" onClick={onReload}>
                Reload
              </Button>
            </Stack>
          </Alert>
        ) : (
          <FormErrorAlert
            error={form.error}
            fields={FIELDS}
            title={sprint ? 'Sprint not saved' : 'Sprint not created'}
          />
        )}
        {sprint?.source === 'jira' && (
          <Text size="sm" c="dimmed">
            Imported from Jira: the next import that includes this sprint writes Jira’s name, dates,
            goal and state back over changes made here. To keep a change, make it in Jira too.
          </Text>
        )}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={draft.name}
          onChange={(event) => change({ name: event.currentTarget.value })}
          error={errorAt('name')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <DayInput
            label="Start date"
            description="The sprint’s first day"
            required
            value={draft.start}
            onChange={(event) => change({ start: event.currentTarget.value })}
            error={errorAt('start')}
          />
          <DayInput
            label="End date"
            description="Its last day, included"
            required
            value={draft.end}
            onChange={(event) => change({ end: event.currentTarget.value })}
            error={errorAt('end')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {length === null ? '' : `${length} ${length === 1 ? 'day' : 'days'}, `}
          counted in the team’s time zone ({timeZone}).
        </Text>
        <Textarea
          label="Goal"
          description="Optional: what the sprint is for, in a sentence."
          autosize
          minRows={2}
          maxRows={5}
          value={draft.goal}
          onChange={(event) => change({ goal: event.currentTarget.value })}
          error={errorAt('goal')}
        />
        <NativeSelect
          label="State"
          description="The capacity planner plans future sprints; sprint charts show active and closed ones."
          data={SPRINT_STATE_OPTIONS.map((option) => ({ ...option }))}
          value={draft.state}
          onChange={(event) =>
            change({ state: sprintStateSchema.parse(event.currentTarget.value) })
          }
          error={errorAt('state')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {sprint ? 'Save sprint' : 'Create sprint'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
