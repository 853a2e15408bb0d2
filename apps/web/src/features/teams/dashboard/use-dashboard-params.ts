import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type DataSpan, type FlowPreset, type FlowRange, flowRange } from './flow-range';
import { todayIn } from './forecast-inputs';

export interface DashboardParams {
  /** `?sprint=` — the sprint shown; `null` = the default one. */
  sprint: string | null;
  /** `?flow=` or `?from=&to=` — the flow charts' range. */
  flow: FlowRange;
  setSprint: (sprint: string) => void;
  setFlowPreset: (preset: FlowPreset) => void;
  setFlowDays: (from: string, to: string) => void;
}

/**
 * The dashboard's filters, kept in the URL so that a shared link shows the same charts. The
 * team page's own `tab` parameter is left alone. `span` (the days the team's data covers) fits
 * the flow range to the data when none was chosen.
 */
export function useDashboardParams(
  timeZone: string,
  span: DataSpan | null = null,
): DashboardParams {
  const [searchParams, setSearchParams] = useSearchParams();
  const today = todayIn(timeZone);
  const flowParam = searchParams.get('flow');
  const fromParam = searchParams.get('from');
  const toParam = searchParams.get('to');
  const first = span?.first ?? null;
  const last = span?.last ?? null;
  const flow = useMemo(
    () => flowRange({ flow: flowParam, from: fromParam, to: toParam }, today, { first, last }),
    [flowParam, fromParam, toParam, today, first, last],
  );

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return {
    sprint: searchParams.get('sprint'),
    flow,
    setSprint: useCallback((sprint) => update((next) => next.set('sprint', sprint)), [update]),
    setFlowPreset: useCallback(
      (preset) =>
        update((next) => {
          next.delete('from');
          next.delete('to');
          next.set('flow', preset);
        }),
      [update],
    ),
    setFlowDays: useCallback(
      (from, to) =>
        update((next) => {
          next.delete('flow');
          for (const [name, value] of [
            ['from', from],
            ['to', to],
          ] as const) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
        }),
      [update],
    ),
  };
}
