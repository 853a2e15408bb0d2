import type { XmrRule } from './xmr.js';
import type { XmrRecalculatedChart } from './xmr-with-recalculation.js';

/** What a recalculated XmR chart says about one value. */
export type XmrPointReading = {
  /** Central line and natural process limits of the segment the value belongs to. */
  mean: number;
  lowerLimit: number | null;
  upperLimit: number;
  /** Every rule that fires on the value, in the chart's order (`XmrRule`); empty when none. */
  rules: XmrRule[];
  /**
   * How many successive values, ending with this one, carry this value's first rule
   * (`rules[0]`); 0 without a signal. Two values in a row beyond the limits: the second has 2.
   */
  run: number;
};

/**
 * The chart of `xmrWithRecalculation` read value by value: each value's segment limits, its
 * rules and how long its first (strongest) rule has held. One entry per charted value, in order.
 *
 * @example
 * // Values 0–19 around 10, then 30 and 31: both beyond the limits, the second the 2nd running.
 * xmrPointReadings(chart).slice(-2);
 * // [{ …, rules: ['beyond-limits'], run: 1 }, { …, rules: ['beyond-limits', …], run: 2 }]
 */
export function xmrPointReadings(chart: XmrRecalculatedChart): XmrPointReading[] {
  const count = chart.segments.at(-1)!.end + 1;
  const rulesAt: XmrRule[][] = Array.from({ length: count }, () => []);
  // `signals` is ordered by index, then by rule: each value's list keeps the chart's order.
  for (const { index, rule } of chart.signals) rulesAt[index]!.push(rule);
  // For each rule, how many successive values up to the current one carry it.
  const held = new Map<XmrRule, number>();
  const readings: XmrPointReading[] = [];
  for (const segment of chart.segments) {
    for (let index = segment.start; index <= segment.end; index++) {
      const rules = rulesAt[index]!;
      for (const rule of new Set([...held.keys(), ...rules])) {
        held.set(rule, rules.includes(rule) ? (held.get(rule) ?? 0) + 1 : 0);
      }
      const first = rules[0];
      readings.push({
        mean: segment.mean,
        lowerLimit: segment.lowerLimit,
        upperLimit: segment.upperLimit,
        rules,
        run: first === undefined ? 0 : (held.get(first) ?? 0),
      });
    }
  }
  return readings;
}
