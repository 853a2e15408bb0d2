import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { todayUtc } from '../../components/format';
import { isMonday, mondayOf } from './report-week';

/**
 * `?week=` — the Monday of the week under review, kept in the URL so a review can be shared;
 * this week's Monday when absent or not a Monday.
 */
export function useReviewWeek(): [string, (week: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('week') ?? '';
  const week = isMonday(asked) ? asked : mondayOf(todayUtc());
  const setWeek = useCallback(
    (next: string) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        params.set('week', next);
        return params;
      }),
    [setSearchParams],
  );
  return [week, setWeek];
}
