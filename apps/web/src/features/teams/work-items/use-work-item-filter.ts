import { type WorkItemSort, workItemSortSchema } from '@bearing/contracts';
import { useSearchParams } from 'react-router';
import type { WorkItemFilter } from '../../../api/work-items';

export type WorkItemFilterName = Exclude<keyof WorkItemFilter, 'sort' | 'order'>;

/** What narrows the list (the order does not): cleared together by "Clear filters". */
const FILTER_NAMES: WorkItemFilterName[] = ['type', 'status', 'sprint', 'q'];

/** An order, as the sort menu offers it; `undefined` for the default, newest first. */
export type WorkItemOrder = { sort: WorkItemSort; order: 'asc' | 'desc' } | undefined;

/**
 * The work-item filters (`?type=&status=&sprint=&q=`), the order (`?sort=&order=`) and the open
 * item (`?item=`) live in the URL, next to `?tab=work-items`, so a filtered, sorted list or an
 * open item can be linked to. An order the API does not know is ignored.
 */
export function useWorkItemFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const read = (name: string) => searchParams.get(name) || undefined;
  const sort = workItemSortSchema.safeParse(read('sort')).data;
  const order = read('order');
  const filter: WorkItemFilter = {
    type: read('type'),
    status: read('status'),
    sprint: read('sprint'),
    q: read('q'),
    sort,
    order: sort && (order === 'asc' || order === 'desc') ? order : undefined,
  };
  const update = (change: (next: URLSearchParams) => void) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  const set = (name: WorkItemFilterName | 'item', value: string | null) =>
    update((next) => {
      if (value) next.set(name, value);
      else next.delete(name);
    });
  const setOrder = (value: WorkItemOrder) =>
    update((next) => {
      next.delete('sort');
      next.delete('order');
      if (value) {
        next.set('sort', value.sort);
        next.set('order', value.order);
      }
    });
  const clear = () =>
    update((next) => {
      for (const name of FILTER_NAMES) next.delete(name);
    });
  return { filter, openItem: searchParams.get('item'), set, setOrder, clear };
}
