import {
  PAGE_LIMIT_MAX,
  reviewOverviewSchema,
  reviewSettingsSchema,
  type UpdateReviewSettingsRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

export const reviewKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'reviews'] as const,
  week: (workspace: string, week: string) => [...reviewKeys.all(workspace), 'week', week] as const,
  settings: (workspace: string) => [...reviewKeys.all(workspace), 'settings'] as const,
};

function reviewsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/reviews`;
}

/**
 * `GET …/reviews?week=`: the programs running that week with their report state. One page at
 * the largest size: a workspace runs far fewer programs than that at once.
 */
export function useReviewOverview(workspace: string, week: string) {
  return useQuery({
    queryKey: reviewKeys.week(workspace, week),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(reviewsPath(workspace), { week, limit: String(PAGE_LIMIT_MAX) }),
        reviewOverviewSchema,
        { signal },
      ),
  });
}

/** `GET …/reviews/settings`: the review weekday. */
export function useReviewSettings(workspace: string) {
  return useQuery({
    queryKey: reviewKeys.settings(workspace),
    queryFn: ({ signal }) =>
      apiGet(`${reviewsPath(workspace)}/settings`, reviewSettingsSchema, { signal }),
  });
}

/** `PUT …/reviews/settings` (admin); a stale `version` is a 409. */
export function useUpdateReviewSettings(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateReviewSettingsRequest) =>
      apiSend('PUT', `${reviewsPath(workspace)}/settings`, request, reviewSettingsSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all(workspace) }),
  });
}
