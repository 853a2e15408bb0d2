import { formatPercent } from '../components/format';

/**
 * How the delivery figures are written on charts, tables and labels — one function per kind
 * of figure, with the rounding of packages/metrics/README.md › "Showing the numbers". Display
 * only: the values come computed from the API.
 */

const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * Story points (or item counts of a sprint, or points per person-day): at most one decimal,
 * as Atlassian writes a velocity of 17.8 — "35.17" reads as more precise than an estimate is.
 */
export function formatPoints(value: number | null): string {
  return value === null ? '—' : pointsFormat.format(value);
}

/** A share (say/do 0.8412, a share of trials) as a whole percentage: "84%". */
export { formatPercent };

/**
 * Person-days, which allocations make fractional (half-time for 9 days = 4.5): one decimal at
 * most, like points.
 */
export function formatPersonDays(value: number | null): string {
  return formatPoints(value);
}

/**
 * A number of days (cycle time, a percentile, a forecast): whole days, a started day counting
 * as a day (7.2 → 8), so "85 % within 8 days" stays true. `short` is the axis form "8 d".
 */
export function formatDays(days: number | null, form: 'long' | 'short' = 'long'): string {
  if (days === null) return '—';
  const whole = Math.ceil(days - 1e-9);
  const number = wholeFormat.format(whole);
  if (form === 'short') return `${number} d`;
  return `${number} ${whole === 1 ? 'day' : 'days'}`;
}

/**
 * Ticks for an axis of whole numbers (counts, points, percentages) from 0 to at least `max`:
 * a 1, 2 or 5 × 10ⁿ step giving at most `maxTicks` intervals, so no tick is a fraction or
 * repeats once rounded.
 */
export function integerTicks(max: number, maxTicks = 5): number[] {
  const top = Math.max(1, Math.ceil(max - 1e-9));
  const rough = top / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ??
    10 * magnitude;
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step; tick += step) {
    ticks.push(tick);
    if (tick >= top) break;
  }
  return ticks;
}

/**
 * Ticks for an axis of shares (0.063 = 6.3 %) that land on whole percentages: 0, 2, 4, 6, 8 %
 * rather than Recharts' 0, 1.6, 3.2 … written as "0, 2, 3, 5, 6 %".
 */
export function percentTicks(maxShare: number, maxTicks = 5): number[] {
  return integerTicks(maxShare * 100, maxTicks).map((percent) => percent / 100);
}
