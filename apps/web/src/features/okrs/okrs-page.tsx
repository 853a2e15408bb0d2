import type { KeyResult, Period } from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useMembers } from '../../api/members';
import { useKeyResults, useObjectives, usePeriods } from '../../api/okrs';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { todayUtc } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { defaultPeriodId } from './default-period';
import { DeleteKeyResultModal } from './delete-key-result-modal';
import { buildObjectiveTree } from './objective-tree';
import { ObjectiveTreeView } from './objective-tree-view';
import type { OkrActions } from './okr-actions';
import { type OkrDialog, OkrDialogs } from './okr-dialogs';
import { OkrSummary } from './okr-summary';
import { useOkrFilters } from './use-okr-filters';

/**
 * `/w/:workspace/okrs?period=&owner=`: a period's objectives as an alignment tree, each with
 * its progress against the expected pace and its key results; editors create and check in.
 */
export function OkrsPage() {
  useDocumentTitle('OKRs');
  const workspace = useWorkspace();
  const { user } = useSignedIn();
  const editor = canEdit(workspace.role);
  const [filters, setFilters] = useOkrFilters();
  const [dialog, setDialog] = useState<OkrDialog | null>(null);
  const [deleting, setDeleting] = useState<KeyResult | null>(null);
  const periods = usePeriods(workspace.slug);
  const members = useMembers(workspace.slug);
  const period = periods.data?.find((candidate) => candidate.id === filters.period);

  // A URL without a (known) period opens the one running today.
  useEffect(() => {
    if (!periods.data || period) return;
    const fallback = defaultPeriodId(periods.data, todayUtc());
    if (fallback && fallback !== filters.period) setFilters({ period: fallback }, true);
  }, [periods.data, period, filters.period, setFilters]);

  const objectives = useObjectives(
    workspace.slug,
    { period: period?.id, owner: filters.owner },
    period !== undefined,
  );
  const keyResults = useKeyResults(workspace.slug, { period: period?.id }, period !== undefined);
  const tree = useMemo(() => buildObjectiveTree(objectives.data ?? []), [objectives.data]);
  const keyResultsByObjective = useMemo(
    () => groupByObjective(keyResults.data ?? []),
    [keyResults.data],
  );
  const shownKeyResults = useMemo(() => {
    const shown = new Set((objectives.data ?? []).map((objective) => objective.id));
    return (keyResults.data ?? []).filter((keyResult) => shown.has(keyResult.objectiveId));
  }, [objectives.data, keyResults.data]);

  const actions: OkrActions | undefined = editor
    ? {
        onEditObjective: (objective) => setDialog({ kind: 'edit-objective', objective }),
        onAddKeyResult: (objective) =>
          setDialog({ kind: 'new-key-result', objectiveId: objective.id }),
        onAddChildObjective: (objective) =>
          setDialog({ kind: 'new-objective', parentId: objective.id }),
        onEditKeyResult: (keyResult) => setDialog({ kind: 'edit-key-result', keyResult }),
        onDeleteKeyResult: setDeleting,
        onCheckIn: (keyResult) => setDialog({ kind: 'check-in', keyResult }),
      }
    : undefined;
  const owner = members.items.find((member) => member.userId === filters.owner);

  return (
    <Stack gap="lg">
      <PageHeader
        title="OKRs"
        description="What each period is trying to move: objectives aligned to one another, their key results, and progress against the share of the period already gone."
        actions={
          editor && (
            <>
              <Button variant="default" onClick={() => setDialog({ kind: 'new-period' })}>
                New period
              </Button>
              {period && (
                <Button onClick={() => setDialog({ kind: 'new-objective', parentId: null })}>
                  New objective
                </Button>
              )}
            </>
          )
        }
      />
      {periods.isPending ? (
        <LoadingRows label="Loading periods" rows={1} height={36} />
      ) : periods.isError ? (
        <ErrorAlert
          title="Periods could not be loaded"
          error={periods.error}
          onRetry={() => void periods.refetch()}
        />
      ) : periods.data.length === 0 ? (
        <EmptyPanel
          title="No periods yet"
          description={
            editor
              ? 'OKRs are set for a period, such as a quarter. Create the first one, then add its objectives.'
              : 'OKRs are set for a period, such as a quarter. Once an editor creates one, its objectives show here.'
          }
          action={
            editor && (
              <Button onClick={() => setDialog({ kind: 'new-period' })}>Create a period</Button>
            )
          }
        />
      ) : (
        <>
          <Group gap="md" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Period"
              data={periods.data.map((candidate) => ({
                value: candidate.id,
                label: candidate.name,
              }))}
              value={period?.id ?? ''}
              onChange={(event) => setFilters({ period: event.currentTarget.value })}
              miw={180}
            />
            <NativeSelect
              label="Owner"
              data={[
                { value: '', label: 'Everyone' },
                ...members.items.map((member) => ({
                  value: member.userId,
                  label: member.displayName,
                })),
              ]}
              value={filters.owner ?? ''}
              onChange={(event) => setFilters({ owner: event.currentTarget.value })}
              miw={180}
            />
            {editor && period && (
              <Button variant="subtle" onClick={() => setDialog({ kind: 'edit-period', period })}>
                Edit period
              </Button>
            )}
          </Group>
          {period && objectives.data && (
            <OkrSummary period={period} objectives={objectives.data} keyResults={shownKeyResults} />
          )}
          {!period || objectives.isPending ? (
            <LoadingRows label="Loading objectives" rows={3} height={140} />
          ) : objectives.isError ? (
            <ErrorAlert
              title="Objectives could not be loaded"
              error={objectives.error}
              onRetry={() => void objectives.refetch()}
            />
          ) : objectives.data.length === 0 ? (
            <NoObjectives
              period={period}
              ownerName={filters.owner ? (owner?.displayName ?? 'this person') : null}
              editor={editor}
              onClearOwner={() => setFilters({ owner: undefined })}
              onCreate={() => setDialog({ kind: 'new-objective', parentId: null })}
            />
          ) : (
            <>
              {keyResults.isError && (
                <ErrorAlert
                  title="Key results could not be loaded"
                  error={keyResults.error}
                  onRetry={() => void keyResults.refetch()}
                />
              )}
              <ObjectiveTreeView
                workspace={workspace.slug}
                nodes={tree}
                keyResultsByObjective={keyResultsByObjective}
                actions={actions}
              />
            </>
          )}
        </>
      )}
      {editor && (
        <OkrDialogs
          workspace={workspace.slug}
          dialog={dialog}
          onClose={() => setDialog(null)}
          periods={periods.data ?? []}
          objectives={objectives.data ?? []}
          currentUserId={user.id}
          currentPeriodId={period?.id}
          onPeriodCreated={(created) => setFilters({ period: created.id })}
        />
      )}
      {editor && (
        <DeleteKeyResultModal
          workspace={workspace.slug}
          keyResult={deleting}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}

interface NoObjectivesProps {
  period: Period;
  ownerName: string | null;
  editor: boolean;
  onClearOwner: () => void;
  onCreate: () => void;
}

function NoObjectives({ period, ownerName, editor, onClearOwner, onCreate }: NoObjectivesProps) {
  if (ownerName !== null) {
    return (
      <EmptyPanel
        title={`${ownerName} owns no objective in ${period.name}`}
        description="Other people’s objectives are hidden by the owner filter."
        action={
          <Button variant="default" onClick={onClearOwner}>
            Show everyone’s
          </Button>
        }
      />
    );
  }
  return (
    <EmptyPanel
      title={`No objectives in ${period.name} yet`}
      description={
        editor
          ? 'Start with what this period should achieve; key results and check-ins follow under each objective.'
          : 'Once an editor adds objectives for this period, they show here with their progress.'
      }
      action={editor && <Button onClick={onCreate}>New objective</Button>}
    />
  );
}

function groupByObjective(keyResults: readonly KeyResult[]): Map<string, KeyResult[]> {
  const grouped = new Map<string, KeyResult[]>();
  for (const keyResult of keyResults) {
    const list = grouped.get(keyResult.objectiveId) ?? [];
    list.push(keyResult);
    grouped.set(keyResult.objectiveId, list);
  }
  return grouped;
}
