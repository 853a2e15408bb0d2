import { tzOffset } from '@date-fns/tz';

const MS_PER_DAY = 86_400_000;

/**
 * The epoch day (days since 1970-01-01) on which the instant `epochMs` falls in `timeZone`
 * (IANA, default UTC): the integer form of `epochMsToDay`, for hot loops that compare or
 * subtract days without formatting them. UTC needs no zone lookup; other zones take their
 * offset at that instant from `@date-fns/tz`, so daylight-saving changes are honoured.
 *
 * @example epochMsToEpochDay(Date.parse('2024-03-01T23:30:00Z'), 'Europe/Berlin') // 19784 (2024-03-02)
 */
export function epochMsToEpochDay(epochMs: number, timeZone = 'UTC'): number {
  const offsetMinutes = timeZone === 'UTC' ? 0 : tzOffset(timeZone, new Date(epochMs));
  return Math.floor((epochMs + offsetMinutes * 60_000) / MS_PER_DAY);
}
