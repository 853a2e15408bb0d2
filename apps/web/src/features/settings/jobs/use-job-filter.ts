import { jobListQuerySchema, jobStateSchema } from '@bearing/contracts';
import { useSearchParams } from 'react-router';
import type { JobFilter } from '../../../api/jobs';

export type JobFilterName = keyof JobFilter;

/**
 * The jobs page's filters (`?state=&kind=`), kept in the URL so a filtered view can be linked
 * to and survives a reload. Values the API would refuse are ignored rather than sent.
 */
export function useJobFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = jobStateSchema.safeParse(searchParams.get('state'));
  const kind = jobListQuerySchema.shape.kind.safeParse(searchParams.get('kind') ?? undefined);
  const filter: JobFilter = {
    state: state.success ? state.data : undefined,
    kind: kind.success ? kind.data : undefined,
  };
  const set = (name: JobFilterName, value: string | null) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  return { filter, set };
}
