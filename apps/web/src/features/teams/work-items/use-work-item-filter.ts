import { useSearchParams } from 'react-router';
import type { WorkItemFilter } from '../../../api/work-items';

export type WorkItemFilterName = keyof WorkItemFilter;

/**
 * The work-item filters (`?type=&status=&sprint=`) and the open item (`?item=`) live in the URL,
 * next to `?tab=work-items`, so a filtered list or an open item can be linked to.
 */
export function useWorkItemFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const read = (name: string) => searchParams.get(name) ?? undefined;
  const filter: WorkItemFilter = {
    type: read('type'),
    status: read('status'),
    sprint: read('sprint'),
  };
  const set = (name: WorkItemFilterName | 'item', value: string | null) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  const clear = () =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of ['type', 'status', 'sprint']) next.delete(name);
      return next;
    });
  return { filter, openItem: searchParams.get('item'), set, clear };
}
