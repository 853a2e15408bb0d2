import type { Sprint, SprintAvailability, Team } from '@bearing/contracts';
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCapacity } from '../../../api/delivery';
import { ApiError } from '../../../api/api-error';
import { usePutSprintAvailability, useSprintAvailability } from '../../../api/sprints';
import { MetricDefinition } from '../../../charts/metric-definition';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { formatSprintDays } from '../sprints/sprint-dates';
import { AvailabilityEditor } from './availability-editor';
import {
  availabilityChanged,
  availabilityDraft,
  availabilityRequest,
  type MemberAvailabilityDraft,
  sameAvailability,
  sprintWorkingDays,
} from './availability-draft';
import { CapacitySummary } from './capacity-summary';
import { nextSprint, plannableSprints } from './sprint-choice';

export interface CapacityPlannerProps {
  workspace: string;
  team: Team;
  sprints: Sprint[];
  editor: boolean;
}

/**
 * Planning the next sprint: who is available how much, and the commitment range that follows
 * from the team's recent rate. Saving the availability refreshes the range.
 */
export function CapacityPlanner({ workspace, team, sprints, editor }: CapacityPlannerProps) {
  const titleId = useId();
  const candidates = useMemo(() => plannableSprints(sprints), [sprints]);
  const [chosen, setChosen] = useState<string | null>(null);
  const sprint =
    candidates.find((candidate) => candidate.id === chosen) ?? nextSprint(sprints) ?? null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4" id={titleId}>
            Capacity planner
          </Title>
          <MetricDefinition name="capacityPlan" />
        </Stack>
        {sprint === null ? (
          <EmptyPanel
            title="No future sprint to plan"
            description={
              editor
                ? 'Create the next sprint with its start and end dates, or import it from Jira, to plan its capacity. A future sprint without dates needs them first: edit it on the Sprints tab.'
                : 'Once an editor creates the next sprint with its dates (or imports it from Jira), its capacity is planned here.'
            }
            action={
              editor ? (
                <Button component={Link} to="?tab=sprints&new=1">
                  Create the next sprint
                </Button>
              ) : (
                <Anchor component={Link} to="?tab=sprints" size="sm">
                  See the team’s sprints
                </Anchor>
              )
            }
          />
        ) : (
          <>
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select
                label="Sprint to plan"
                w={320}
                allowDeselect={false}
                value={sprint.id}
                onChange={(value) => value && setChosen(value)}
                data={candidates.map((candidate) => ({
                  value: candidate.id,
                  label: candidate.name,
                }))}
              />
              <Text size="sm" c="dimmed">
                {formatSprintDays(sprint, team.timeZone)}
              </Text>
            </Group>
            <SprintPlan
              key={sprint.id}
              workspace={workspace}
              team={team}
              sprint={sprint}
              editor={editor}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

interface SprintPlanProps {
  workspace: string;
  team: Team;
  sprint: Sprint;
  editor: boolean;
}

function SprintPlan({ workspace, team, sprint, editor }: SprintPlanProps) {
  const availability = useSprintAvailability(workspace, team.id, sprint.id);
  const capacity = useCapacity(workspace, team.id, sprint.id);

  return (
    <Stack gap="md">
      {capacity.isPending ? (
        <LoadingRows label="Loading the capacity plan" rows={1} height={90} />
      ) : capacity.isError ? (
        <ErrorAlert
          title="The capacity plan could not be loaded"
          error={capacity.error}
          onRetry={() => void capacity.refetch()}
        />
      ) : (
        <CapacitySummary capacity={capacity.data} />
      )}
      {availability.isPending ? (
        <LoadingRows label="Loading the availability" rows={2} height={48} />
      ) : availability.isError ? (
        <ErrorAlert
          title="The availability could not be loaded"
          error={availability.error}
          onRetry={() => void availability.refetch()}
        />
      ) : availability.data.members.length === 0 ? (
        <EmptyPanel
          title="No members"
          description="Add the team’s members in its settings to plan their availability."
        />
      ) : (
        <AvailabilityForm
          workspace={workspace}
          team={team}
          sprint={sprint}
          saved={availability.data}
          workingDays={
            capacity.data
              ? sprintWorkingDays(capacity.data.start, capacity.data.end, team.calendar)
              : []
          }
          capacity={capacity.data}
          editor={editor}
          onReload={() => void availability.refetch()}
        />
      )}
    </Stack>
  );
}

interface AvailabilityFormProps {
  workspace: string;
  team: Team;
  sprint: Sprint;
  saved: SprintAvailability;
  workingDays: string[];
  capacity: Parameters<typeof AvailabilityEditor>[0]['capacity'];
  editor: boolean;
  /** Fetches the saved availability again. */
  onReload: () => void;
}

/**
 * The availability editor with its draft. The draft outlives refetches (on window focus, after
 * any save): a new answer from the server replaces it only when it holds no unsaved changes, or
 * when it is what the draft says (our own save). When someone else saved meanwhile, the draft
 * stays and the form says so — saving it would be refused (409), as it was made from an older
 * version.
 */
function AvailabilityForm({
  workspace,
  team,
  sprint,
  saved,
  workingDays,
  capacity,
  editor,
  onReload,
}: AvailabilityFormProps) {
  // The saved availability the draft was made from, and the draft.
  const [base, setBase] = useState(saved);
  const [draft, setDraft] = useState<MemberAvailabilityDraft[]>(() => availabilityDraft(saved));
  const save = usePutSprintAvailability(workspace, team.id, sprint.id);
  if (
    !sameAvailability(saved, base) &&
    (!availabilityChanged(draft, base) || !availabilityChanged(draft, saved))
  ) {
    setBase(saved);
    setDraft(availabilityDraft(saved));
  }
  const changed = availabilityChanged(draft, base);
  const refused = save.error instanceof ApiError && save.error.status === 409;
  const overtaken = refused || (changed && !sameAvailability(saved, base));
  const startAgain = () => {
    save.reset();
    setBase(saved);
    setDraft(availabilityDraft(saved));
  };

  return (
    <Stack gap="sm">
      {overtaken && (
        <Alert color="yellow" title="Changed by someone else" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {refused
                ? 'Someone else saved this sprint’s availability since you began editing, so your changes were not saved.'
                : 'Someone else saved this sprint’s availability since you began editing: your changes cannot be saved over theirs.'}{' '}
              Reload to see theirs, then make yours again.
            </Text>
            <Button
              size="xs"
              variant="white"
              color="yellow"
              onClick={() => {
                startAgain();
                onReload();
              }}
            >
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      <AvailabilityEditor
        draft={draft}
        onChange={setDraft}
        workingDays={workingDays}
        capacity={capacity}
        readOnly={!editor || save.isPending}
      />
      {save.isError && !overtaken && (
        <ErrorAlert title="The availability could not be saved" error={save.error} />
      )}
      {editor ? (
        <Group gap="sm">
          <Button
            size="sm"
            disabled={!changed || overtaken}
            loading={save.isPending}
            onClick={() => save.mutate(availabilityRequest(draft, base.version))}
          >
            Save availability
          </Button>
          <Button
            size="sm"
            variant="default"
            disabled={!changed || save.isPending}
            onClick={startAgain}
          >
            Undo changes
          </Button>
          <Text size="xs" c="dimmed">
            {changed ? 'Unsaved changes: the range above updates once they are saved.' : 'Saved.'}
          </Text>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          Only editors can change the availability.
        </Text>
      )}
    </Stack>
  );
}
