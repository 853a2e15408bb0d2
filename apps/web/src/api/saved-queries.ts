import {
  type SavedQueryInput,
  savedQueryListSchema,
  savedQuerySchema,
  type UpdateSavedQueryRequest,
} from '@bearing/contracts';
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

/** A new saved query, or a replacement of saved query `id` with the `version` it was loaded at. */
export type SaveQueryRequest =
  (SavedQueryInput & { id?: undefined }) | (UpdateSavedQueryRequest & { id: string });

/**
 * `POST …/saved-queries` (editors), or `PUT …/saved-queries/:id` with the loaded `version` to
 * replace one: a 400 names the query's mistakes, as running it would, and a 409 `stale-version`
 * says someone saved it meanwhile (the list is reloaded either way).
 */
export function useSaveQuery(workspace: string) {
  const invalidate = useInvalidateSavedQueries(workspace);
  return useMutation({
    mutationFn: ({ id, ...input }: SaveQueryRequest) =>
      id === undefined
        ? apiSend('POST', savedQueriesPath(workspace), input, savedQuerySchema)
        : apiSend(
            'PUT',
            `${savedQueriesPath(workspace)}/${encodeURIComponent(id)}`,
            input,
            savedQuerySchema,
          ),
    onSettled: invalidate,
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
