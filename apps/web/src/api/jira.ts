import {
  type CreateJiraConnectionRequest,
  jiraConnectionPageSchema,
  jiraConnectionSchema,
  jiraConnectionTestResultSchema,
  jiraFieldListSchema,
  type JiraSource,
  jiraSourceSchema,
  jiraWebhookSchema,
  type PutJiraWebhookRequest,
  type PutJiraSourceRequest,
  syncRunPageSchema,
  syncRunSchema,
  type SyncRun,
  type SyncRunPage,
  teamSyncStatusListSchema,
  type UpdateJiraConnectionRequest,
} from '@bearing/contracts';
import {
  hashKey,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend, pagePath } from './client';
import { teamKeys, teamPath } from './teams';
import { workspaceKey } from './workspaces';

/** How often a team's source and runs are asked again while a sync waits or runs. */
export const SYNC_POLL_MS = 1_000;

export const jiraKeys = {
  connections: (workspace: string) => [...workspaceKey(workspace), 'jira-connections'] as const,
  fields: (workspace: string, connectionId: string) =>
    [...jiraKeys.connections(workspace), 'fields', connectionId] as const,
  /** Under the team keys, so whatever refreshes a team refreshes its source too. */
  source: (workspace: string, teamId: string) =>
    [...teamKeys.all(workspace), 'jira-source', teamId] as const,
  runs: (workspace: string, teamId: string) =>
    [...jiraKeys.source(workspace, teamId), 'runs'] as const,
  statuses: (workspace: string) => [...teamKeys.all(workspace), 'jira-sync-status'] as const,
  webhook: (workspace: string, teamId: string) =>
    [...jiraKeys.source(workspace, teamId), 'webhook'] as const,
};

function connectionsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/jira-connections`;
}

function connectionPath(workspace: string, id: string): string {
  return `${connectionsPath(workspace)}/${encodeURIComponent(id)}`;
}

function syncStatusPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/jira-sync-status`;
}

function sourcePath(workspace: string, teamId: string): string {
  return `${teamPath(workspace, teamId)}/source`;
}

/** `GET …/jira-connections` (viewer and up): every connection, without secrets, by name. */
export function useJiraConnections(workspace: string) {
  return useAllPages(
    jiraKeys.connections(workspace),
    connectionsPath(workspace),
    jiraConnectionPageSchema,
  );
}

function useInvalidateConnections(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: jiraKeys.connections(workspace) });
}

/** `POST …/jira-connections` (admin) → 201 with the connection (`hasSecret`, never the secret). */
export function useCreateJiraConnection(workspace: string) {
  const invalidate = useInvalidateConnections(workspace);
  return useMutation({
    mutationFn: (request: CreateJiraConnectionRequest) =>
      apiSend('POST', connectionsPath(workspace), request, jiraConnectionSchema),
    onSuccess: invalidate,
  });
}

/**
 * `PATCH …/jira-connections/:id` (admin): without `secret`, the stored one is kept — unless the
 * address, flavour or email changes, which must bring the token again (400 naming `secret`).
 */
export function useUpdateJiraConnection(workspace: string) {
  const invalidate = useInvalidateConnections(workspace);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UpdateJiraConnectionRequest }) =>
      apiSend('PATCH', connectionPath(workspace, id), change, jiraConnectionSchema),
    onSuccess: invalidate,
  });
}

/** `DELETE …/jira-connections/:id` (admin); a connection a team's source uses is a 409. */
export function useDeleteJiraConnection(workspace: string) {
  const invalidate = useInvalidateConnections(workspace);
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', connectionPath(workspace, id)),
    onSuccess: invalidate,
  });
}

/** `POST …/jira-connections/:id/test` (admin) → 200: the Jira user and version, or what is wrong. */
export function useTestJiraConnection(workspace: string) {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'POST',
        `${connectionPath(workspace, id)}/test`,
        undefined,
        jiraConnectionTestResultSchema,
      ),
  });
}

/** `GET …/jira-connections/:id/fields` (editor): the fields Jira lists, to pick story points from. */
export function useJiraFields(workspace: string, connectionId: string | null) {
  return useQuery({
    queryKey: jiraKeys.fields(workspace, connectionId ?? ''),
    queryFn: ({ signal }) =>
      apiGet(`${connectionPath(workspace, connectionId ?? '')}/fields`, jiraFieldListSchema, {
        signal,
      }),
    enabled: connectionId !== null,
    // Jira's fields change rarely; asking again on every focus would only cost Jira requests.
    staleTime: 5 * 60_000,
  });
}

/** Whether a sync is on its way: the source says so, or its newest run waits or runs. */
export function syncInFlight(run: Pick<SyncRun, 'status'> | undefined): boolean {
  return run !== undefined && (run.status === 'queued' || run.status === 'running');
}

/**
 * `GET …/teams/:team/source`: the team's Jira source, or `null` when it has none. Asked
 * again every {@link SYNC_POLL_MS} while it syncs, so the status follows the run; when the sync
 * ends, everything under the team is refreshed.
 */
export function useTeamSource(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  const key = jiraKeys.source(workspace, teamId);
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<JiraSource | null>(key);
      // Asked through the workspace's list first: a team without a source is not a 404 (which
      // browsers log as an error on every team page).
      const listed = await apiGet(syncStatusPath(workspace), teamSyncStatusListSchema, { signal });
      const source = listed.items.some((item) => item.teamId === teamId)
        ? await apiGet(sourcePath(workspace, teamId), jiraSourceSchema, { signal })
        : null;
      // A sync just ended: what it wrote shows on every tab of the team.
      if (before?.state === 'syncing' && source?.state !== 'syncing') {
        refreshTeamExcept(queryClient, workspace, key);
      }
      return source;
    },
    refetchInterval: (query) => (query.state.data?.state === 'syncing' ? SYNC_POLL_MS : false),
  });
}

/**
 * Refreshes everything under the team once a sync ended, except the query whose fetch noticed
 * it: that fetch's own answer is already the fresh one, and invalidating it too would cancel
 * the fetch before its answer is kept — the next fetch would again find the run ended against
 * the old answer, and so on, forever (the page kept showing the sync running).
 */
function refreshTeamExcept(
  queryClient: QueryClient,
  workspace: string,
  noticedBy: readonly unknown[],
): void {
  const own = hashKey(noticedBy);
  void queryClient.invalidateQueries({
    queryKey: teamKeys.all(workspace),
    predicate: (query) => query.queryHash !== own,
  });
}

/** The newest runs the history shows. */
export const SYNC_HISTORY_SIZE = 20;

/**
 * `GET …/teams/:team/source/runs`: the newest {@link SYNC_HISTORY_SIZE} syncs, newest first.
 * Polled while the newest one waits or runs; when it ends, everything under the team — its
 * workflow (a sync may add mapped statuses), work items, sprints, the dashboard — is refreshed.
 */
export function useSyncRuns(workspace: string, teamId: string, enabled = true) {
  const queryClient = useQueryClient();
  const key = jiraKeys.runs(workspace, teamId);
  return useQuery({
    queryKey: key,
    enabled,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<SyncRunPage>(key)?.items[0];
      const page = await apiGet(
        pagePath(`${sourcePath(workspace, teamId)}/runs`, SYNC_HISTORY_SIZE),
        syncRunPageSchema,
        { signal },
      );
      const newest = page.items[0];
      if (syncInFlight(before) && newest?.id === before?.id && !syncInFlight(newest)) {
        refreshTeamExcept(queryClient, workspace, key);
      }
      return page;
    },
    refetchInterval: (query) => (syncInFlight(query.state.data?.items[0]) ? SYNC_POLL_MS : false),
  });
}

/** `PUT …/teams/:team/source` (editor): creates or replaces it, 200 with the source. */
export function usePutTeamSource(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PutJiraSourceRequest) =>
      apiSend('PUT', sourcePath(workspace, teamId), request, jiraSourceSchema),
    onSuccess: (source) => {
      queryClient.setQueryData(jiraKeys.source(workspace, teamId), source);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: jiraKeys.runs(workspace, teamId) }),
        queryClient.invalidateQueries({ queryKey: jiraKeys.statuses(workspace) }),
      ]);
    },
  });
}

/** `DELETE …/teams/:team/source` (editor): the team stops syncing; its data stays. */
export function useDeleteTeamSource(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', sourcePath(workspace, teamId)),
    onSuccess: () => {
      queryClient.setQueryData(jiraKeys.source(workspace, teamId), null);
      return queryClient.invalidateQueries({ queryKey: jiraKeys.statuses(workspace) });
    },
  });
}

/** `POST …/teams/:team/source/sync` (editor) → 202 with the queued run. */
export function useSyncNow(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend('POST', `${sourcePath(workspace, teamId)}/sync`, undefined, syncRunSchema),
    // The source now says `syncing`, and the history starts with the queued run.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: jiraKeys.source(workspace, teamId) }),
  });
}

/** `GET …/teams/:team/source/webhook`: whether Jira's requests must be signed, the last one. */
export function useTeamWebhook(workspace: string, teamId: string, enabled = true) {
  return useQuery({
    queryKey: jiraKeys.webhook(workspace, teamId),
    queryFn: ({ signal }) =>
      apiGet(`${sourcePath(workspace, teamId)}/webhook`, jiraWebhookSchema, { signal }),
    enabled,
  });
}

/** `PUT …/source/webhook` (editor): the secret Jira signs with, or null to stop checking. */
export function usePutWebhookSigning(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PutJiraWebhookRequest) =>
      apiSend('PUT', `${sourcePath(workspace, teamId)}/webhook`, request, jiraWebhookSchema),
    onSuccess: (webhook) => queryClient.setQueryData(jiraKeys.webhook(workspace, teamId), webhook),
  });
}

/** `POST …/source/webhook/rotate` (editor): the source with its new address, shown this once. */
export function useRotateWebhook(workspace: string, teamId: string) {
  return useMutation({
    mutationFn: () =>
      apiSend(
        'POST',
        `${sourcePath(workspace, teamId)}/webhook/rotate`,
        undefined,
        jiraSourceSchema,
      ),
  });
}

/** `GET …/jira-sync-status`: every synced team's freshness, failing ones first (the portfolio). */
export function useTeamSyncStatuses(workspace: string) {
  return useQuery({
    queryKey: jiraKeys.statuses(workspace),
    queryFn: ({ signal }) =>
      apiGet(syncStatusPath(workspace), teamSyncStatusListSchema, { signal }),
  });
}
