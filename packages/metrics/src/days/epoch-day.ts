import { zoneOffsetMs } from './zone-offset.js';

const MS_PER_DAY = 86_400_000;

/**
 * The epoch day (days since 1970-01-01) on which the instant `epochMs` falls in `timeZone`
 * (IANA, default UTC): ⌊(epochMs + offset) / 86 400 000⌋, the integer form of `epochMsToDay`,
 * for hot loops that compare or subtract days without formatting them. UTC needs no zone
 * lookup; other zones take their offset at that instant from `@date-fns/tz`, so daylight-saving
 * changes are honoured, through a per-zone table of transitions (a binary search per instant,
 * as fast for a million distinct instants as for ten). Throws `RangeError` naming `timeZone`
 * for an unknown zone.
 *
 * @example epochMsToEpochDay(Date.parse('2024-03-01T23:30:00Z'), 'Europe/Berlin') // 19784 (2024-03-02)
 */
export function epochMsToEpochDay(epochMs: number, timeZone = 'UTC'): number {
  return Math.floor((epochMs + zoneOffsetMs(epochMs, timeZone)) / MS_PER_DAY);
}
