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

/** The default window, and the most of a team's data a fitted range shows. */
const DEFAULT_DAYS = 90;

/** The days a team's items cover (`GET …/flow/span`); `null` days when it has none. */
export interface DataSpan {
  first: string | null;
  last: string | null;
}

export interface FlowRange {
  /** `data`: nothing was chosen and the default 90 days held no data, so the range was fitted to it. */
  preset: FlowPreset | 'custom' | 'data';
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
 *
 * With nothing chosen, the default is the last 90 days — unless the team's data (`span`) ends
 * before them, as after importing last year's export: then it is the last 90 days of the
 * data, ending on its last day (`preset: 'data'`).
 */
export function flowRange(
  params: { flow: string | null; from: string | null; to: string | null },
  today: string,
  span: DataSpan | null = null,
): FlowRange {
  const fallback = (error: FlowRange['error']): FlowRange => ({
    preset: error ? 'custom' : '90d',
    from: addDays(today, 1 - DEFAULT_DAYS),
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
  if (!preset) return (params.flow === null && fittedRange(span, today)) || fallback(null);
  return { preset: preset.value, from: addDays(today, -(preset.days - 1)), to: today, error: null };
}

/**
 * The default range fitted to the data when the last 90 days hold none of it: the data's last
 * 90 days (fewer if it spans fewer), ending on its last day. `null` when the default suits.
 */
export function fittedRange(span: DataSpan | null, today: string): FlowRange | null {
  if (!span || span.first === null || span.last === null) return null;
  if (span.last >= addDays(today, 1 - DEFAULT_DAYS)) return null;
  const to = span.last;
  const earliest = addDays(to, 1 - DEFAULT_DAYS);
  return { preset: 'data', from: span.first > earliest ? span.first : earliest, to, error: null };
}

/**
 * All of the team's data, as a range the API accepts (its last three years at most): what an
 * empty chart offers to show instead.
 */
export function wholeSpan(span: DataSpan): { from: string; to: string } | null {
  if (span.first === null || span.last === null) return null;
  const earliest = addDays(span.last, -MAX_SPAN_DAYS);
  return { from: span.first > earliest ? span.first : earliest, to: span.last };
}
