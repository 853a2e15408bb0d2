import type { Job } from '@bearing/contracts';
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useJobs, useRetryJob } from '../../../api/jobs';
import { ErrorAlert } from '../../../components/error-alert';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { LoadMore } from '../load-more';
import { SectionHeader } from '../section-header';
import { EmptyTable, TableSkeleton } from '../table-states';
import { JobFilters } from './job-filters';
import { JobsTable } from './jobs-table';
import { RetryOutcome } from './retry-outcome';
import { useJobFilter } from './use-job-filter';

const DESCRIPTION =
  'Work the server does for this workspace in the background, such as Jira imports: whether it ran, how long it took and, when it failed, why. A failed job can be run again.';

/** `/w/:workspace/settings/jobs` (admins): the workspace's background jobs, newest first. */
export function JobsPanel() {
  const workspace = useWorkspace();
  if (!isAdmin(workspace.role)) {
    return (
      <Stack gap="md">
        <SectionHeader title="Jobs" description={DESCRIPTION} />
        <EmptyTable>Only the admins of {workspace.name} can see its background jobs.</EmptyTable>
      </Stack>
    );
  }
  return <Jobs workspace={workspace.slug} />;
}

function Jobs({ workspace }: { workspace: string }) {
  const { filter, set } = useJobFilter();
  const jobs = useJobs(workspace, filter);
  const retry = useRetryJob(workspace);
  const [outcome, setOutcome] = useState<{ job: Job; error?: unknown } | null>(null);
  const filtered = Boolean(filter.state ?? filter.kind);

  const onRetry = (job: Job) => {
    setOutcome(null);
    retry.mutate(job.id, {
      onSuccess: (queued) => setOutcome({ job: queued }),
      onError: (error) => setOutcome({ job, error }),
    });
  };

  return (
    <Stack gap="md">
      <SectionHeader title="Jobs" description={DESCRIPTION} />
      <JobFilters filter={filter} onChange={set} />
      {outcome && (
        <RetryOutcome job={outcome.job} error={outcome.error} onDismiss={() => setOutcome(null)} />
      )}
      {jobs.isPending ? (
        <TableSkeleton label="Loading jobs" />
      ) : jobs.isError ? (
        <ErrorAlert title="Jobs could not be loaded" error={jobs.error} onRetry={jobs.refetch} />
      ) : jobs.items.length === 0 ? (
        <EmptyTable>
          {filtered
            ? 'No jobs match these filters.'
            : 'No jobs yet. Background work such as Jira imports appears here, with its outcome.'}
        </EmptyTable>
      ) : (
        <>
          {jobs.isPolling && (
            <Text size="xs" c="dimmed">
              Updating every few seconds while a job is queued or running.
            </Text>
          )}
          <JobsTable
            jobs={jobs.items}
            onRetry={onRetry}
            retrying={retry.isPending ? retry.variables : undefined}
          />
          <LoadMore
            shown={jobs.items.length}
            noun="job"
            hasMore={jobs.hasMore}
            loading={jobs.isLoadingMore}
            onLoadMore={jobs.loadMore}
          />
        </>
      )}
    </Stack>
  );
}
