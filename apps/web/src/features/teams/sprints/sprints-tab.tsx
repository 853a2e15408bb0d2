import type { Sprint, Team } from '@bearing/contracts';
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDeleteSprint, useSprints } from '../../../api/sprints';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { todayIn } from '../dashboard/forecast-inputs';
import { plannableSprints } from '../dashboard/sprint-choice';
import { draftFromSuggestion } from './sprint-draft';
import { SprintForm } from './sprint-form';
import { suggestNextSprint } from './sprint-suggestion';
import { SprintsTable } from './sprints-table';

/** `?tab=sprints&new=1` opens the new-sprint form (the capacity planner links there). */
export const NEW_SPRINT_PARAM = 'new';

export interface SprintsTabProps {
  workspace: string;
  team: Team;
  editor: boolean;
}

/** The sprint being edited (none: a new one), or no form open. */
type Editing = { sprintId?: string } | null;

/**
 * The team's sprints — imported from Jira or made here — and, for editors, creating, editing
 * and deleting them, so a team without a tracker can still plan its next sprint.
 */
export function SprintsTab({ workspace, team, editor }: SprintsTabProps) {
  const titleId = useId();
  const sprints = useSprints(workspace, team.id);
  const deleteSprint = useDeleteSprint(workspace, team.id);
  const [searchParams, setSearchParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(() =>
    editor && searchParams.has(NEW_SPRINT_PARAM) ? {} : null,
  );
  const [deleting, setDeleting] = useState<Sprint | null>(null);
  const [created, setCreated] = useState<Sprint | null>(null);
  // Bumped after a reload so an open form refills from the fresh sprint.
  const [generation, setGeneration] = useState(0);

  const closeForm = () => {
    setEditing(null);
    if (searchParams.has(NEW_SPRINT_PARAM)) {
      setSearchParams({ tab: 'sprints' }, { replace: true });
    }
  };
  const closeDelete = () => {
    setDeleting(null);
    deleteSprint.reset();
  };
  const reload = async () => {
    await sprints.refetch();
    setGeneration((current) => current + 1);
  };

  const list = sprints.data ?? [];
  const edited = editing?.sprintId ? list.find((sprint) => sprint.id === editing.sprintId) : null;
  const hasImported = list.some((sprint) => sprint.source === 'jira');

  return (
    <Stack gap="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2} size="h3" id={titleId}>
            Sprints
          </Title>
          <Text size="sm" c="dimmed" maw={640}>
            The team’s time boxes, imported from Jira or made here. The capacity planner plans the
            next future sprint that has dates; sprint charts follow active and closed ones. Dates
            are days in the team’s time zone ({team.timeZone}).
          </Text>
        </Stack>
        {editor && (
          <Button
            onClick={() => {
              setCreated(null);
              setEditing({});
            }}
          >
            New sprint
          </Button>
        )}
      </Group>
      {created && (
        <Alert
          color="teal"
          title={`${created.name} created`}
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setCreated(null)}
        >
          {plannableSprints([created]).length > 0 ? (
            <Anchor component={Link} to={{ search: '' }} size="sm">
              Plan its capacity on the Delivery tab
            </Anchor>
          ) : (
            'It is in the list below.'
          )}
        </Alert>
      )}
      {editor && hasImported && (
        <Text size="sm" c="dimmed" maw={640}>
          Sprints imported from Jira can be edited and deleted here too, but the next import that
          includes them writes Jira’s values back — and brings a deleted one back. Change them in
          Jira to keep the change.
        </Text>
      )}
      {sprints.isPending ? (
        <LoadingRows label="Loading the sprints" rows={3} height={40} />
      ) : sprints.isError ? (
        <ErrorAlert
          title="The sprints could not be loaded"
          error={sprints.error}
          onRetry={() => void sprints.refetch()}
        />
      ) : list.length === 0 ? (
        <EmptyPanel
          title="No sprints yet"
          description={
            editor
              ? 'Create the next sprint here, or import the team’s sprints from Jira on the Import tab.'
              : 'An editor can create sprints here or import them from Jira.'
          }
        />
      ) : (
        <SprintsTable
          sprints={list}
          timeZone={team.timeZone}
          labelledBy={titleId}
          actions={
            editor
              ? {
                  onEdit: (sprint) => setEditing({ sprintId: sprint.id }),
                  onDelete: setDeleting,
                }
              : undefined
          }
        />
      )}
      {!editor && (
        <Text size="xs" c="dimmed">
          Only editors can create or change sprints.
        </Text>
      )}
      {editor && (
        <Modal
          opened={editing !== null}
          onClose={closeForm}
          title={editing?.sprintId ? 'Edit sprint' : 'New sprint'}
          centered
        >
          {editing === null ? null : sprints.isPending ? (
            <LoadingRows label="Loading the sprints" rows={3} height={40} />
          ) : editing.sprintId && !edited ? (
            <Text size="sm">This sprint was deleted meanwhile.</Text>
          ) : (
            <SprintForm
              key={`${edited?.id ?? 'new'}:${edited?.version ?? 0}:${generation}`}
              workspace={workspace}
              teamId={team.id}
              timeZone={team.timeZone}
              sprint={edited ?? undefined}
              initial={draftFromSuggestion(
                suggestNextSprint(list, team.timeZone, todayIn(team.timeZone)),
              )}
              onSaved={(saved) => {
                if (!edited && saved) setCreated(saved);
                closeForm();
              }}
              onCancel={closeForm}
              onReload={() => void reload()}
            />
          )}
        </Modal>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title="Delete sprint"
        confirmLabel="Delete sprint"
        onClose={closeDelete}
        pending={deleteSprint.isPending}
        error={deleteSprint.error}
        errorTitle="Sprint not deleted"
        onConfirm={() => deleting && deleteSprint.mutate(deleting.id, { onSuccess: closeDelete })}
      >
        Delete <strong>{deleting?.name}</strong>? Its planned availability goes with it, and its
        work items no longer count as part of it (the items themselves stay).
        {deleting?.source === 'jira' &&
          ' It was imported from Jira: the next import that includes it brings it back.'}
      </ConfirmModal>
    </Stack>
  );
}
