import { isoDaySchema } from '@bearing/contracts';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { SeriesRange } from '../../api/metrics';
import { addDays, todayUtc } from '../../components/format';

export const RANGE_PRESETS = [
  { value: '30d', label: '30 days', days: 30 },
  { value: '90d', label: '90 days', days: 90 },
  { value: '1y', label: '1 year', days: 365 },
  { value: 'all', label: 'All', days: null },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['value'];

export interface DateRangeState {
  /** The preset chosen, or `custom` when the URL names days. */
  preset: RangePreset | 'custom';
  /** What the series route is asked for. */
  range: SeriesRange;
  /** The days typed into the custom fields. */
  from: string | undefined;
  to: string | undefined;
}

/**
 * A chart's date range in the URL: `?range=90d` for a window that moves with today, or
 * `?from=2026-01-01&to=2026-03-31` for fixed days. Anything unreadable counts as "all".
 */
export function useDateRange(): [
  DateRangeState,
  { setPreset: (preset: RangePreset) => void; setDays: (from: string, to: string) => void },
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const from = readDay(searchParams.get('from'));
  const to = readDay(searchParams.get('to'));
  const presetParam = RANGE_PRESETS.find((preset) => preset.value === searchParams.get('range'));
  let state: DateRangeState;
  if (from || to) {
    state = { preset: 'custom', range: { from, to }, from, to };
  } else if (presetParam && presetParam.days !== null) {
    state = {
      preset: presetParam.value,
      range: { from: addDays(todayUtc(), -(presetParam.days - 1)) },
      from: undefined,
      to: undefined,
    };
  } else {
    state = { preset: 'all', range: {}, from: undefined, to: undefined };
  }

  const setPreset = useCallback(
    (preset: RangePreset) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.delete('from');
        next.delete('to');
        if (preset === 'all') next.delete('range');
        else next.set('range', preset);
        return next;
      }),
    [setSearchParams],
  );
  const setDays = useCallback(
    (fromDay: string, toDay: string) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        next.delete('range');
        for (const [name, value] of [
          ['from', fromDay],
          ['to', toDay],
        ] as const) {
          if (readDay(value)) next.set(name, value);
          else next.delete(name);
        }
        return next;
      }),
    [setSearchParams],
  );
  return [state, { setPreset, setDays }];
}

function readDay(value: string | null): string | undefined {
  return value !== null && isoDaySchema.safeParse(value).success ? value : undefined;
}
