import type { ImportJob, ImportJobStatus } from '@bearing/contracts';
import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useImportHistory } from '../../../api/imports';
import { useMembers } from '../../../api/members';
import { DateTime } from '../../../components/date-time';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';

const STATUS_BADGES: Record<ImportJobStatus, { label: string; color: string }> = {
  queued: { label: '… Waiting', color: 'gray' },
  running: { label: '… Running', color: 'blue' },
  completed: { label: '✓ Completed', color: 'teal' },
  failed: { label: '✗ Failed', color: 'red' },
};

function Outcome({ job }: { job: ImportJob }) {
  if (job.status === 'queued') return <Text size="sm">Waiting for a worker</Text>;
  if (job.status === 'running') return <Text size="sm">{Math.round(job.progress * 100)} %</Text>;
  if (job.status === 'failed') {
    return (
      <Text size="sm">{job.result?.problems[0]?.message ?? 'Failed'}. Nothing was stored.</Text>
    );
  }
  const result = job.result;
  return result ? (
    <Text size="sm">
      {result.created} new, {result.updated} changed, {result.unchanged} unchanged
      {result.problems.length > 0 && `; ${result.problems.length} problems`}
    </Text>
  ) : null;
}

/** The team's imports, newest first: when, who, which file, and what each did. */
export function ImportHistory({ workspace, teamId }: { workspace: string; teamId: string }) {
  const history = useImportHistory(workspace, teamId);
  const members = useMembers(workspace);
  const nameOf = (userId: string | null) =>
    userId === null
      ? 'a removed account'
      : (members.items.find((member) => member.userId === userId)?.displayName ??
        'a former member');

  return (
    <Stack gap="sm" component="section" aria-labelledby="import-history-title">
      <Title order={2} size="h3" id="import-history-title">
        Import history
      </Title>
      {history.isPending ? (
        <LoadingRows label="Loading the import history" rows={2} height={36} />
      ) : history.isError ? (
        <ErrorAlert
          title="The import history could not be loaded"
          error={history.error}
          onRetry={() => void history.refetch()}
        />
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No imports yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-labelledby="import-history-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Text size="sm">
                      <DateTime value={job.createdAt} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{nameOf(job.createdBy)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Code fz="xs">{job.fileName}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_BADGES[job.status].color} variant="light" tt="none">
                      {STATUS_BADGES[job.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Outcome job={job} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
