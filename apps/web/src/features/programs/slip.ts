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

/** A move of a milestone's date, signed: "+2 weeks" later, "−3 days" earlier. */
export function describeMove(fromDate: string, toDate: string): string {
  const days = Math.round((Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000);
  if (days === 0) return 'no change';
  return `${days > 0 ? '+' : '−'}${formatDuration(days)}`;
}
