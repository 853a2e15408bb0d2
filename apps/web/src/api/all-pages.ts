import type { Page } from '@bearing/contracts';
import { PAGE_LIMIT_MAX } from '@bearing/contracts';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { apiGet, type ResponseSchema } from './client';

/** Enough for any list a page shows whole (a period's objectives, a workspace's metrics). */
const MAX_PAGES = 25;

export type QueryParams = Record<string, string | null | undefined>;

/** `path?name=value&…`, leaving out parameters without a value. */
export function withQuery(path: string, params: QueryParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Every item of a paginated list route, following `nextCursor` page after page (at the largest
 * page size), for views that show a whole, bounded set at once — a tree, a chart, a picker.
 */
export function useAllPages<Item>(
  queryKey: QueryKey,
  path: string,
  schema: ResponseSchema<Page<Item>>,
  params: QueryParams = {},
  enabled = true,
) {
  return useQuery({
    queryKey,
    enabled,
    queryFn: async ({ signal }) => {
      const items: Item[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer: Page<Item> = await apiGet(
          withQuery(path, { ...params, limit: String(PAGE_LIMIT_MAX), cursor }),
          schema,
          { signal },
        );
        items.push(...answer.items);
        cursor = answer.nextCursor;
        if (cursor === null) break;
      }
      return items;
    },
  });
}
