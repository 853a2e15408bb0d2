import type { Job } from '@bearing/contracts';
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { formatDuration } from '../../../components/format';
import { StatusBadge } from '../../../components/status-badge';
import { describeJob, JOB_STATE_STYLES, jobKindLabel } from './job-labels';

export interface JobsTableProps {
  jobs: Job[];
  /**
   * Offers "Retry" on failed jobs — not on cancelled ones, which the API refuses to retry; left
   * out where jobs cannot be retried (instance jobs).
   */
  onRetry?: (job: Job) => void;
  /** The job whose retry is on its way, if any. */
  retrying: string | undefined;
}

/**
 * Jobs newest first: what, where it stands, tries, when, how long and — for failures — why,
 * with "Retry" on failed ones. Scrolls sideways on narrow screens rather than squeezing.
 */
export function JobsTable({ jobs, onRetry, retrying }: JobsTableProps) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Background jobs, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th>Error</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => {
            const kind = jobKindLabel(job.kind);
            return (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {kind}
                  </Text>
                  {kind.toLowerCase() !== job.kind && (
                    <Text size="xs" c="dimmed">
                      {job.kind}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={JOB_STATE_STYLES[job.state]} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{job.attempts}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">
                    <DateTime value={job.createdAt} />
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" c={job.durationMs === null ? 'dimmed' : undefined}>
                    {formatDuration(job.durationMs)}
                  </Text>
                </Table.Td>
                <Table.Td miw={240} maw={420}>
                  {job.error ? (
                    <Text
                      size="sm"
                      c="red"
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                    >
                      {job.error}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {job.state === 'failed' && onRetry && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onRetry(job)}
                      loading={retrying === job.id}
                      aria-label={`Retry ${describeJob(job)}`}
                    >
                      Retry
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
