import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface OkrFilters {
  /** `?period=` — the period shown; absent until the page picks a default. */
  period: string | undefined;
  /** `?owner=` — only objectives this member owns. */
  owner: string | undefined;
}

/** The OKRs page's filters, kept in the URL so a view can be shared and survives a reload. */
export function useOkrFilters(): [
  OkrFilters,
  (change: Partial<OkrFilters>, replace?: boolean) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: OkrFilters = {
    period: searchParams.get('period') ?? undefined,
    owner: searchParams.get('owner') ?? undefined,
  };
  const setFilters = useCallback(
    (change: Partial<OkrFilters>, replace = false) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(change)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setSearchParams],
  );
  return [filters, setFilters];
}
