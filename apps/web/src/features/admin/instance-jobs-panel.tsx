import { Stack } from '@mantine/core';
import { useInstanceJobs } from '../../api/admin';
import { ErrorAlert } from '../../components/error-alert';
import { JobsTable } from '../settings/jobs/jobs-table';
import { LoadMore } from '../settings/load-more';
import { SectionHeader } from '../settings/section-header';
import { EmptyTable, TableSkeleton } from '../settings/table-states';

/** The background jobs of no workspace (housekeeping, scheduler ticks), newest first. */
export function InstanceJobsPanel() {
  const jobs = useInstanceJobs();
  return (
    <Stack gap="md">
      <SectionHeader
        title="Jobs"
        description="Background work of the instance itself, such as the nightly housekeeping. Each workspace lists its own jobs in its settings."
      />
      {jobs.isPending ? (
        <TableSkeleton label="Loading the jobs" />
      ) : jobs.isError ? (
        <ErrorAlert
          title="The jobs could not be loaded"
          error={jobs.error}
          onRetry={jobs.refetch}
        />
      ) : jobs.items.length === 0 ? (
        <EmptyTable>No instance job has run yet.</EmptyTable>
      ) : (
        <>
          <JobsTable jobs={jobs.items} retrying={undefined} />
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
