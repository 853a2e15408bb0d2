import { addDays } from '../../../components/format';
import { daysBetween } from './forecast-inputs';

export const FLOW_PRESETS = [
  { value: '30d', label: '30 days', days: 30 },
  { value: '90d', label: '90 days', days: 90 },
  { value: '180d', label: '6 months', days: 182 },
  { value: '1y', label: '1 year', days: 365 },
] as const;

export type FlowPreset = (typeof FLOW_PRESETS)[number]['value'];

/** The API refuses ranges over three years. */
const MAX_SPAN_DAYS = 3 * 366;

export interface FlowRange {
  preset: FlowPreset | 'custom';
  /** Inclusive days in the team's time zone, always both set. */
  from: string;
  to: string;
  /** Why typed days were not used, naming the field; `null` when they were. */
  error: { field: 'from' | 'to'; message: string } | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The flow charts' range from the URL's `flow` preset or `from`/`to` days, relative to the
 * team's today. Typed days that the API would refuse fall back to the default 90 days, with
 * the reason, so the charts keep showing something.
 */
export function flowRange(
  params: { flow: string | null; from: string | null; to: string | null },
  today: string,
): FlowRange {
  const fallback = (error: FlowRange['error']): FlowRange => ({
    preset: error ? 'custom' : '90d',
    from: addDays(today, -89),
    to: today,
    error,
  });
  if (params.from !== null || params.to !== null) {
    const from = params.from ?? '';
    const to = params.to ?? today;
    if (!DAY.test(from)) return fallback({ field: 'from', message: 'Enter a start day' });
    if (!DAY.test(to)) return fallback({ field: 'to', message: 'Enter an end day' });
    const span = daysBetween(from, to);
    if (span < 0) return fallback({ field: 'to', message: 'Must not be before the start day' });
    if (span > MAX_SPAN_DAYS) {
      return fallback({ field: 'from', message: 'The range may span at most 3 years' });
    }
    return { preset: 'custom', from, to, error: null };
  }
  const preset = FLOW_PRESETS.find((candidate) => candidate.value === params.flow);
  if (!preset) return fallback(null);
  return { preset: preset.value, from: addDays(today, -(preset.days - 1)), to: today, error: null };
}
