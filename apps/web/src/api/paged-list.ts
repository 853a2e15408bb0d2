import type { Page } from '@bearing/contracts';
import {
  type InfiniteData,
  useInfiniteQuery,
  type QueryKey,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { apiGet, pagePath, type ResponseSchema } from './client';

export interface PagedList<Item> {
  items: Item[];
  isPending: boolean;
  /** The first page failed (a failed refresh keeps the rows already shown). */
  isError: boolean;
  error: Error | null;
  refetch: () => void;
  hasMore: boolean;
  loadMore: () => void;
  isLoadingMore: boolean;
}

/**
 * A paginated list route (`?limit=&cursor=`), page by page: the first page loads at once and
 * `loadMore` follows `nextCursor`. The pages are flattened into one list of items.
 */
export function usePagedList<Item>(
  queryKey: QueryKey,
  path: string,
  schema: ResponseSchema<Page<Item>>,
  limit: number,
  enabled = true,
): PagedList<Item> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      apiGet(pagePath(path, limit, pageParam), schema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled,
  });
  return pagedListOf(query);
}

/** The pages of an infinite list query as one list, for hooks that need more query options. */
export function pagedListOf<Item>(
  query: UseInfiniteQueryResult<InfiniteData<Page<Item>>>,
): PagedList<Item> {
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    isPending: query.isPending,
    // Rows already shown stay when a background refresh fails.
    isError: query.isError && query.data === undefined,
    error: query.error,
    refetch: () => void query.refetch(),
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    isLoadingMore: query.isFetchingNextPage,
  };
}
