import { portfolioSchema } from '@bearing/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { workspaceKey } from './workspaces';

export const portfolioKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'portfolio'] as const,
};

/** `GET …/portfolio`: the executive view in one request. */
export function usePortfolio(workspace: string) {
  return useQuery({
    queryKey: portfolioKeys.all(workspace),
    queryFn: ({ signal }) =>
      apiGet(`/api/workspaces/${encodeURIComponent(workspace)}/portfolio`, portfolioSchema, {
        signal,
      }),
  });
}
