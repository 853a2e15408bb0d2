import { type JobPage, jobPageSchema, jobSchema, type JobState } from '@bearing/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { auditKeys } from './audit';
import { apiGet, apiSend } from './client';
import { pagedListOf } from './paged-list';
import { workspaceKey } from './workspaces';

const JOBS_PAGE_SIZE = 50;

/** How often the list is asked again while a job on it is queued or running. */
export const JOB_POLL_MS = 5_000;

export interface JobFilter {
  state?: JobState | undefined;
  kind?: string | undefined;
}

export const jobKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'jobs'] as const,
  list: (workspace: string, filter: JobFilter) =>
    [...jobKeys.all(workspace), 'list', filter] as const,
};

function jobsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/jobs`;
}

/** Whether the pages shown hold a job that is still to finish, so the list is worth re-asking. */
export function hasUnfinishedJob(pages: readonly JobPage[] | undefined): boolean {
  return (pages ?? []).some((page) =>
    page.items.some((job) => job.state === 'queued' || job.state === 'running'),
  );
}

/**
 * `GET /api/workspaces/:workspace/jobs?state=&kind=` (admin): newest first, page by page, asked
 * again every {@link JOB_POLL_MS} while a job shown is queued or running (and not otherwise).
 */
export function useJobs(workspace: string, filter: JobFilter) {
  const query = useInfiniteQuery({
    queryKey: jobKeys.list(workspace, filter),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery(jobsPath(workspace), {
          state: filter.state,
          kind: filter.kind,
          limit: String(JOBS_PAGE_SIZE),
          cursor: pageParam,
        }),
        jobPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    refetchInterval: (current) =>
      hasUnfinishedJob(current.state.data?.pages) ? JOB_POLL_MS : false,
  });
  return { ...pagedListOf(query), isPolling: hasUnfinishedJob(query.data?.pages) };
}

/**
 * `POST /api/workspaces/:workspace/jobs/:id/retry` (admin): a failed job back in the queue (409
 * `job-not-failed` otherwise). Refreshes the jobs and the audit log, which records the retry.
 */
export function useRetryJob(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiSend(
        'POST',
        `${jobsPath(workspace)}/${encodeURIComponent(jobId)}/retry`,
        undefined,
        jobSchema,
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: jobKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: auditKeys.events(workspace) }),
      ]),
  });
}
