import type { SavedQuery } from '@bearing/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSavedQueries } from '../../api/saved-queries';

/**
 * The saved query the editor's text came from, kept in the address as `?saved=<id>` so that a
 * link opens it: on arriving with one, its text goes into the editor once the list is there.
 * `missing` when the link names a saved query the workspace does not have (any more).
 */
export function useOpenedSavedQuery(workspace: string, setQuery: (query: string) => void) {
  const [searchParams, setSearchParams] = useSearchParams();
  const savedId = searchParams.get('saved');
  const [current, setCurrent] = useState<SavedQuery | null>(null);
  const list = useSavedQueries(workspace, savedId !== null);
  const linked = savedId === null ? undefined : list.data?.items.find(({ id }) => id === savedId);

  useEffect(() => {
    if (linked && current?.id !== linked.id) {
      setCurrent(linked);
      setQuery(linked.query);
    }
  }, [linked, current, setQuery]);

  const setLink = (id: string | null) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (id === null) next.delete('saved');
        else next.set('saved', id);
        return next;
      },
      { replace: true },
    );

  return {
    current,
    missing:
      savedId !== null &&
      current?.id !== savedId &&
      list.isSuccess &&
      !list.isFetching &&
      linked === undefined,
    /** The text now in the editor is (or was just saved as) `saved`. */
    show: (saved: SavedQuery) => {
      setCurrent(saved);
      setLink(saved.id);
    },
    /** `id` was deleted: the editor's text no longer belongs to it. */
    forget: (id: string) => {
      if (current?.id !== id && savedId !== id) return;
      setCurrent(null);
      setLink(null);
    },
  };
}
