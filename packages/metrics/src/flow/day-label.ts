import { type Day, epochDayToDay } from '../days/index.js';

const labels = new Map<number, Day>();
const MAX_LABELS = 100_000;

/**
 * `epochDayToDay`, memoised: 100 000 items share a few hundred distinct days, and formatting a
 * `Date` costs far more than a map lookup. The cache is bounded. Internal.
 */
export function dayLabel(epochDay: number): Day {
  let label = labels.get(epochDay);
  if (label === undefined) {
    if (labels.size >= MAX_LABELS) labels.clear();
    label = epochDayToDay(epochDay);
    labels.set(epochDay, label);
  }
  return label;
}
