import type { SyncRun, SyncRunStatus, SyncTrigger } from '@bearing/contracts';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useSyncRuns } from '../../../api/jira';
import { DateTime } from '../../../components/date-time';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { StatusBadge, type StatusStyle } from '../../../components/status-badge';
import { EmptyTable, TableSkeleton } from '../../settings/table-states';

const STATUS_STYLES: Record<SyncRunStatus, StatusStyle> = {
  queued: { label: 'Queued', color: 'gray', shape: 'ring', variant: 'outline' },
  running: { label: 'Running', color: 'blue', shape: 'diamond', variant: 'outline' },
  succeeded: { label: 'Succeeded', color: 'green', shape: 'circle', variant: 'outline' },
  failed: { label: 'Failed', color: 'red', shape: 'triangle', variant: 'outline' },
};

const TRIGGER_LABELS: Record<SyncTrigger, string> = {
  schedule: 'Schedule',
  manual: 'Sync now',
  webhook: 'Jira webhook',
};

export interface SyncHistoryProps {
  workspace: string;
  teamId: string;
}

/** The team's syncs, newest first: when, why, how it ended, what it wrote and what it cost. */
export function SyncHistory({ workspace, teamId }: SyncHistoryProps) {
  const runs = useSyncRuns(workspace, teamId);
  return (
    <Stack gap="sm" component="section" aria-label="Sync history">
      <Title order={2} size="h4">
        Sync history
      </Title>
      {runs.isPending ? (
        <TableSkeleton label="Loading the sync history" />
      ) : runs.isError ? (
        <ErrorAlert
          title="The sync history could not be loaded"
          error={runs.error}
          onRetry={() => void runs.refetch()}
        />
      ) : runs.data.items.length === 0 ? (
        <EmptyTable>No sync yet.</EmptyTable>
      ) : (
        <RunsTable runs={runs.data.items} />
      )}
    </Stack>
  );
}

function RunsTable({ runs }: { runs: SyncRun[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" aria-label="Syncs, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th ta="right">Created</Table.Th>
            <Table.Th ta="right">Updated</Table.Th>
            <Table.Th ta="right">Unchanged</Table.Th>
            <Table.Th ta="right">Removed</Table.Th>
            <Table.Th ta="right">Requests</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={run.startedAt ?? run.createdAt} />
                </Text>
                {run.mode && (
                  <Text size="xs" c="dimmed">
                    {run.mode === 'full' ? 'Full' : 'Incremental'}, {run.pages} page
                    {run.pages === 1 ? '' : 's'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{TRIGGER_LABELS[run.trigger]}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={STATUS_STYLES[run.status]} />
                {run.error && (
                  <Text size="xs" c="red" maw={320}>
                    {run.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(run.counts.created)}</Table.Td>
              <Table.Td ta="right">{formatNumber(run.counts.updated)}</Table.Td>
              <Table.Td ta="right">{formatNumber(run.counts.unchanged)}</Table.Td>
              <Table.Td ta="right">{formatNumber(run.counts.removed)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(run.requests)}
                {run.retries > 0 && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({run.retries} retried)
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
