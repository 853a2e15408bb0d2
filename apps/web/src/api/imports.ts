import {
  type ImportFormat,
  type ImportJob,
  importJobPageSchema,
  importJobSchema,
  type ImportMapping,
  importStartResponseSchema,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { teamKeys, teamPath } from './teams';
import { workspaceKey } from './workspaces';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 500;

export const importKeys = {
  history: (workspace: string, teamId: string) =>
    [...teamKeys.all(workspace), 'imports', teamId] as const,
  job: (workspace: string, id: string) => [...workspaceKey(workspace), 'import-job', id] as const,
};

export interface ImportUpload {
  file: File;
  format: ImportFormat;
  dryRun: boolean;
  /** Only the fields that are set: the importer falls back to Jira's usual names for the rest. */
  mapping: Partial<ImportMapping>;
}

/**
 * `POST …/teams/:team/imports` (editor), multipart: a dry run answers the preview; an import
 * answers the running job. The same file is sent again for the import after its dry run — the
 * server keeps nothing from a dry run.
 */
export function useStartImport(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, format, dryRun, mapping }: ImportUpload) => {
      const form = new FormData();
      form.set('format', format);
      form.set('dryRun', String(dryRun));
      form.set('mapping', JSON.stringify(mapping));
      form.set('file', file, file.name);
      return apiSend(
        'POST',
        `${teamPath(workspace, teamId)}/imports`,
        form,
        importStartResponseSchema,
      );
    },
    onSuccess: (started) =>
      started.dryRun
        ? undefined
        : queryClient.invalidateQueries({ queryKey: importKeys.history(workspace, teamId) }),
  });
}

/**
 * `GET …/imports/:id`, asked again every {@link IMPORT_POLL_MS} while the job runs. When it ends
 * the team (a real import adds the mapped statuses to its workflow), its work items and its
 * import history are refreshed.
 */
export function useImportJob(workspace: string, teamId: string, id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(workspace, id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await apiGet(
        `/api/workspaces/${encodeURIComponent(workspace)}/imports/${encodeURIComponent(id ?? '')}`,
        importJobSchema,
        { signal },
      );
      if (importEnded(job)) {
        void queryClient.invalidateQueries({ queryKey: teamKeys.all(workspace) });
      }
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data === undefined || !importEnded(query.state.data) ? IMPORT_POLL_MS : false,
  });
}

/** `GET …/teams/:team/imports`: the import history, newest first. */
export function useImportHistory(workspace: string, teamId: string) {
  return useAllPages(
    importKeys.history(workspace, teamId),
    `${teamPath(workspace, teamId)}/imports`,
    importJobPageSchema,
  );
}

/** Whether an import has ended: it is neither waiting for a worker nor running. */
export function importEnded(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'completed' || job.status === 'failed';
}
