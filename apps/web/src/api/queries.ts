import { queryCatalogSchema, queryResultSchema } from '@bearing/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

function queriesPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/queries`;
}

/** `GET …/queries/catalog`: the tables and columns a query can read; they change with releases only. */
export function useQueryCatalog(workspace: string) {
  return useQuery({
    queryKey: [...workspaceKey(workspace), 'queries', 'catalog'],
    queryFn: ({ signal }) =>
      apiGet(`${queriesPath(workspace)}/catalog`, queryCatalogSchema, { signal }),
    staleTime: Infinity,
  });
}

/** `POST …/queries/run {query}`: a query's columns, rows and stats, or a 400 naming where it is wrong. */
export function useRunQuery(workspace: string) {
  return useMutation({
    mutationFn: (query: string) =>
      apiSend('POST', `${queriesPath(workspace)}/run`, { query }, queryResultSchema),
  });
}
