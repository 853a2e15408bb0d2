import {
  type WorkItemSort,
  workItemDetailSchema,
  workItemPageSchema,
  workItemTypesSchema,
} from '@bearing/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { apiGet } from './client';
import { teamKeys, teamPath } from './teams';

const WORK_ITEMS_PAGE_SIZE = 50;

export interface WorkItemFilter {
  type?: string | undefined;
  status?: string | undefined;
  sprint?: string | undefined;
  /** Text the key or summary contains. */
  q?: string | undefined;
  sort?: WorkItemSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export const workItemKeys = {
  all: (workspace: string, teamId: string) =>
    [...teamKeys.all(workspace), 'work-items', teamId] as const,
  list: (workspace: string, teamId: string, filter: WorkItemFilter) =>
    [...workItemKeys.all(workspace, teamId), 'list', filter] as const,
  detail: (workspace: string, teamId: string, id: string) =>
    [...workItemKeys.all(workspace, teamId), 'detail', id] as const,
  types: (workspace: string, teamId: string) =>
    [...workItemKeys.all(workspace, teamId), 'types'] as const,
};

/**
 * `GET …/teams/:team/work-items?type=&status=&sprint=&q=&sort=&order=`, newest first unless
 * sorted, page by page: the first page loads at once and `loadMore` follows `nextCursor` (like
 * `usePagedList`, with filters).
 */
export function useWorkItems(workspace: string, teamId: string, filter: WorkItemFilter) {
  const query = useInfiniteQuery({
    queryKey: workItemKeys.list(workspace, teamId, filter),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery(`${teamPath(workspace, teamId)}/work-items`, {
          type: filter.type,
          status: filter.status,
          sprint: filter.sprint,
          q: filter.q,
          sort: filter.sort,
          order: filter.order,
          limit: String(WORK_ITEMS_PAGE_SIZE),
          cursor: pageParam,
        }),
        workItemPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    isPending: query.isPending,
    isError: query.isError && query.data === undefined,
    error: query.error,
    refetch: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    isLoadingMore: query.isFetchingNextPage,
  };
}

/** `GET …/teams/:team/work-items/:id`: the item with its status, sprint and estimate history. */
export function useWorkItem(workspace: string, teamId: string, id: string | null) {
  return useQuery({
    queryKey: workItemKeys.detail(workspace, teamId, id ?? ''),
    queryFn: ({ signal }) =>
      apiGet(
        `${teamPath(workspace, teamId)}/work-items/${encodeURIComponent(id ?? '')}`,
        workItemDetailSchema,
        { signal },
      ),
    enabled: id !== null,
  });
}

/** `GET …/teams/:team/work-items/types`: the types of the team's items, the type filter's choices. */
export function useWorkItemTypes(workspace: string, teamId: string) {
  return useQuery({
    queryKey: workItemKeys.types(workspace, teamId),
    queryFn: ({ signal }) =>
      apiGet(`${teamPath(workspace, teamId)}/work-items/types`, workItemTypesSchema, { signal }),
  });
}
