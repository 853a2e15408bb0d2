import { type SavedQueryInput, savedQueryListSchema, savedQuerySchema } from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

const savedQueriesKey = (workspace: string) =>
  [...workspaceKey(workspace), 'saved-queries'] as const;

function savedQueriesPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/saved-queries`;
}

/** `GET …/saved-queries` (members): the workspace's saved queries. */
export function useSavedQueries(workspace: string, enabled = true) {
  return useQuery({
    queryKey: savedQueriesKey(workspace),
    queryFn: ({ signal }) => apiGet(savedQueriesPath(workspace), savedQueryListSchema, { signal }),
    enabled,
  });
}

function useInvalidateSavedQueries(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: savedQueriesKey(workspace) });
}

/**
 * `POST …/saved-queries` (editors), or `PUT …/saved-queries/:id` to replace one: a 400 names
 * the query's mistakes, as running it would.
 */
export function useSaveQuery(workspace: string) {
  const invalidate = useInvalidateSavedQueries(workspace);
  return useMutation({
    mutationFn: ({ id, ...input }: SavedQueryInput & { id?: string }) =>
      id === undefined
        ? apiSend('POST', savedQueriesPath(workspace), input, savedQuerySchema)
        : apiSend(
            'PUT',
            `${savedQueriesPath(workspace)}/${encodeURIComponent(id)}`,
            input,
            savedQuerySchema,
          ),
    onSuccess: invalidate,
  });
}

/** `DELETE …/saved-queries/:id` (editors). */
export function useDeleteSavedQuery(workspace: string) {
  const invalidate = useInvalidateSavedQueries(workspace);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `${savedQueriesPath(workspace)}/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
