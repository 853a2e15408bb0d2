import type { Milestone } from '@bearing/contracts';
import { Button, Collapse, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useDeleteMilestone, useMilestones, useUpdateMilestone } from '../../api/milestones';
import { ChartFrame } from '../../charts/chart-frame';
import { ChartLegend } from '../../charts/chart-legend';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay, todayUtc } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { lazyChart } from '../../charts/lazy-chart';
import { milestoneTimelineRows } from './charts/milestone-timeline-data';
import { TIMELINE_LINES, TIMELINE_MARKS, timelineHeight } from './charts/milestone-timeline-legend';
import { PROGRAM_CHART_DEFINITIONS } from './charts/program-chart-definitions';
import { describeMilestoneDates, describeMove } from './slip';

// The dialog's form (and its date and select inputs) loads when the dialog first opens.
const NewMilestoneForm = lazy(async () => ({
  default: (await import('./milestone-forms')).NewMilestoneForm,
}));
const EditMilestoneForm = lazy(async () => ({
  default: (await import('./milestone-forms')).EditMilestoneForm,
}));
const CompleteMilestoneForm = lazy(async () => ({
  default: (await import('./milestone-forms')).CompleteMilestoneForm,
}));

const MilestoneTimelineChart = lazyChart(
  async () => (await import('./charts/milestone-timeline-chart')).MilestoneTimelineChart,
  ({ rows }) => ({ height: timelineHeight(rows.length) }),
);

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; milestone: Milestone }
  | { kind: 'complete'; milestone: Milestone }
  | { kind: 'delete'; milestone: Milestone };

export interface MilestonesSectionProps {
  workspace: string;
  programId: string;
  /** The program's last day, drawn on the timeline; `null` when it has none. */
  programEnd?: string | null;
  editor: boolean;
}

/** The milestones timeline (baseline against current date) and the list with each one's moves. */
export function MilestonesSection({
  workspace,
  programId,
  programEnd = null,
  editor,
}: MilestonesSectionProps) {
  const milestones = useMilestones(workspace, programId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = useMemo(() => milestoneTimelineRows(milestones.data ?? []), [milestones.data]);
  const remove = useDeleteMilestone(workspace, programId);
  const close = () => setDialog(null);

  const addButton = editor && (
    <Button size="xs" onClick={() => setDialog({ kind: 'new' })}>
      Add milestone
    </Button>
  );

  return (
    <Stack gap="sm">
      {milestones.isPending ? (
        <LoadingRows label="Loading milestones" rows={1} height={220} />
      ) : milestones.isError ? (
        <ErrorAlert
          title="Milestones could not be loaded"
          error={milestones.error}
          onRetry={() => void milestones.refetch()}
        />
      ) : milestones.data.length === 0 ? (
        <EmptyPanel
          title="No milestones yet"
          description="Milestones are the dates the program promises; once set, every move is measured against the original plan."
          action={addButton}
        />
      ) : (
        <ChartFrame
          title="Milestones"
          definition={PROGRAM_CHART_DEFINITIONS.milestoneTimeline}
          actions={addButton}
          chart={<MilestoneTimelineChart rows={rows} today={todayUtc()} programEnd={programEnd} />}
          table={<MilestoneTable milestones={milestones.data} />}
        >
          <ChartLegend
            items={[
              ...Object.values(TIMELINE_MARKS).map((mark) => ({
                label: mark.label,
                mark: { kind: 'shape' as const, shape: mark.symbol, color: mark.color },
              })),
              ...Object.values(TIMELINE_LINES)
                .filter((line) => programEnd !== null || line !== TIMELINE_LINES.programEnd)
                .map((line) => ({
                  label: line.label,
                  mark: { kind: 'line' as const, color: line.color, dash: line.dash },
                })),
            ]}
          />
        </ChartFrame>
      )}
      {milestones.data && milestones.data.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {milestones.data.map((milestone) => (
            <MilestoneItem
              key={milestone.id}
              workspace={workspace}
              programId={programId}
              milestone={milestone}
              editor={editor}
              onEdit={() => setDialog({ kind: 'edit', milestone })}
              onComplete={() => setDialog({ kind: 'complete', milestone })}
              onDelete={() => {
                remove.reset();
                setDialog({ kind: 'delete', milestone });
              }}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={dialog !== null && dialog.kind !== 'delete'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? `Edit ${dialog.milestone.name}`
            : dialog?.kind === 'complete'
              ? `Mark ${dialog.milestone.name} complete`
              : 'New milestone'
        }
        centered
      >
        <Suspense fallback={<LoadingRows label="Loading the form" rows={3} height={36} />}>
          {dialog?.kind === 'new' && (
            <NewMilestoneForm
              workspace={workspace}
              programId={programId}
              onSaved={close}
              onCancel={close}
            />
          )}
          {dialog?.kind === 'edit' && (
            <EditMilestoneForm
              workspace={workspace}
              programId={programId}
              milestone={dialog.milestone}
              onSaved={close}
              onCancel={close}
            />
          )}
          {dialog?.kind === 'complete' && (
            <CompleteMilestoneForm
              workspace={workspace}
              programId={programId}
              milestone={dialog.milestone}
              onSaved={close}
              onCancel={close}
            />
          )}
        </Suspense>
      </Modal>
      <ConfirmModal
        opened={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' ? `Delete ${dialog.milestone.name}?` : ''}
        confirmLabel="Delete milestone"
        pending={remove.isPending}
        error={remove.error}
        errorTitle="Milestone not deleted"
        onClose={close}
        onConfirm={() => {
          if (dialog?.kind === 'delete') remove.mutate(dialog.milestone.id, { onSuccess: close });
        }}
      >
        For a milestone added by mistake. It leaves the timeline, the slip counts and the next
        report drafts, and its history of moves goes with it. Published reports keep it as they
        were; the audit log records the deletion.
      </ConfirmModal>
    </Stack>
  );
}

function MilestoneTable({ milestones }: { milestones: readonly Milestone[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Milestone</Table.Th>
            <Table.Th scope="col">Baseline</Table.Th>
            <Table.Th scope="col">Current</Table.Th>
            <Table.Th scope="col">Completed</Table.Th>
            <Table.Th scope="col">Slip (days)</Table.Th>
            <Table.Th scope="col">Moves</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((milestone) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>{milestone.name}</Table.Td>
              <Table.Td>{formatDay(milestone.baselineDate)}</Table.Td>
              <Table.Td>{formatDay(milestone.currentDate)}</Table.Td>
              <Table.Td>{milestone.completedAt ? formatDay(milestone.completedAt) : '—'}</Table.Td>
              <Table.Td>{milestone.slipDays}</Table.Td>
              <Table.Td>{milestone.history.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface MilestoneItemProps {
  workspace: string;
  programId: string;
  milestone: Milestone;
  editor: boolean;
  onEdit: () => void;
  /** Asks the completion day (a dialog). */
  onComplete: () => void;
  onDelete: () => void;
}

function MilestoneItem({
  workspace,
  programId,
  milestone,
  editor,
  onEdit,
  onComplete,
  onDelete,
}: MilestoneItemProps) {
  const [historyOpen, { toggle }] = useDisclosure(false);
  const update = useUpdateMilestone(workspace, programId);
  const completed = milestone.completedAt !== null;
  const reopen = () =>
    update.mutate({ id: milestone.id, completedAt: null, version: milestone.version });
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600}>{milestone.name}</Text>
            <Text size="sm" c={milestone.slipDays > 0 ? 'red' : 'dimmed'}>
              {describeMilestoneDates(milestone)}
            </Text>
          </Stack>
          <Group gap="xs" data-print="hide">
            {milestone.history.length > 0 && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={toggle}
                aria-expanded={historyOpen}
                aria-label={`History of ${milestone.name}`}
              >
                History ({milestone.history.length})
              </Button>
            )}
            {editor && (
              <Button
                size="compact-sm"
                variant="light"
                onClick={onEdit}
                aria-label={`Edit: ${milestone.name}`}
              >
                Edit
              </Button>
            )}
            {editor && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                loading={update.isPending}
                onClick={completed ? reopen : onComplete}
                aria-label={`${completed ? 'Re-open' : 'Mark complete'}: ${milestone.name}`}
              >
                {completed ? 'Re-open' : 'Mark complete'}
              </Button>
            )}
            {editor && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={onDelete}
                aria-label={`Delete: ${milestone.name}`}
              >
                Delete
              </Button>
            )}
          </Group>
        </Group>
        {update.isError && <ErrorAlert title="Milestone not updated" error={update.error} />}
        <Collapse expanded={historyOpen}>
          <Stack gap={4} component="ol" pl="md" m={0}>
            {milestone.history.map((change) => (
              <Text component="li" size="sm" key={change.id}>
                {formatDay(change.fromDate)} → {formatDay(change.toDate)} (
                {describeMove(change.fromDate, change.toDate)}): {change.reason}{' '}
                <Text span size="xs" c="dimmed">
                  — {change.author.displayName}, {formatDay(change.changedAt)}
                </Text>
              </Text>
            ))}
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
