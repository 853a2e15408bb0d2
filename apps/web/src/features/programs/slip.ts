import type { Milestone } from '@bearing/contracts';
import { formatDay } from '../../components/format';

/**
 * How a milestone's slip against its baseline is said on screen. The slip itself (`slipDays`)
 * comes computed from the API; this only words it.
 */

/** A number of days in weeks and days: 21 → "3 weeks", 23 → "3 weeks 2 days", 1 → "1 day". */
export function formatDuration(days: number): string {
  const total = Math.abs(days);
  const weeks = Math.floor(total / 7);
  const rest = total % 7;
  const parts: string[] = [];
  if (weeks > 0) parts.push(`${weeks} ${weeks === 1 ? 'week' : 'weeks'}`);
  if (rest > 0 || weeks === 0) parts.push(`${rest} ${rest === 1 ? 'day' : 'days'}`);
  return parts.join(' ');
}

/**
 * "3 weeks late against the original plan", "2 days early against the original plan" or "On the
 * original plan".
 */
export function describeSlip(slipDays: number): string {
  if (slipDays === 0) return 'On the original plan';
  return `${formatDuration(slipDays)} ${slipDays > 0 ? 'late' : 'early'} against the original plan`;
}

/**
 * A milestone's dates in one line that never contradicts itself. Open: "3 weeks late against the
 * original plan · baseline Sep 7, 2026 · current Sep 28, 2026". Open and past its current date:
 * it is late up to today (the API counts `slipDays` to today), so the line leads with that —
 * "Overdue since Sep 1, 2026 · 6 weeks 2 days late against the original plan · baseline Sep 1,
 * 2026". Completed: the completion day decides the slip, so the line leads with it and leaves
 * out the current date it was left at — "Completed Aug 10, 2026 · 2 days late · baseline Aug 8,
 * 2026".
 */
export function describeMilestoneDates(
  milestone: Pick<
    Milestone,
    'baselineDate' | 'currentDate' | 'completedAt' | 'slipDays' | 'overdue'
  >,
): string {
  const baseline = `baseline ${formatDay(milestone.baselineDate)}`;
  if (milestone.completedAt === null) {
    if (milestone.overdue) {
      return [
        `Overdue since ${formatDay(milestone.currentDate)}`,
        describeSlip(milestone.slipDays),
        baseline,
      ].join(' · ');
    }
    return [
      describeSlip(milestone.slipDays),
      baseline,
      `current ${formatDay(milestone.currentDate)}`,
    ].join(' · ');
  }
  const slip =
    milestone.slipDays === 0
      ? 'on time'
      : `${formatDuration(milestone.slipDays)} ${milestone.slipDays > 0 ? 'late' : 'early'}`;
  return [`Completed ${formatDay(milestone.completedAt)}`, slip, baseline].join(' · ');
}

/** A move of a milestone's date, signed: "+2 weeks" later, "−3 days" earlier. */
export function describeMove(fromDate: string, toDate: string): string {
  const days = Math.round((Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000);
  if (days === 0) return 'no change';
  return `${days > 0 ? '+' : '−'}${formatDuration(days)}`;
}
