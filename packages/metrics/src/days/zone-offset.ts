import { tzOffset } from '@date-fns/tz';

/**
 * The offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds; `RangeError`
 * naming `timeZone` when the zone is unknown (`tzOffset` returns `NaN` for it). Internal.
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const offsetMinutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isNaN(offsetMinutes)) {
    throw new RangeError(`timeZone is not a known IANA time zone: ${String(timeZone)}`);
  }
  return offsetMinutes * 60_000;
}
