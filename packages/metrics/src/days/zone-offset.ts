import { tzOffset } from '@date-fns/tz';

/**
 * Offsets already looked up, per zone, by exact instant. `tzOffset` formats a date through
 * `Intl` on every call (a few microseconds), and the flow metrics ask for the same instants —
 * a team's status changes — on every request for that team, so remembering them makes the
 * repeat calls a map lookup. Keyed by the exact millisecond, so an answer is always the one
 * `tzOffset` gave for that very instant (no assumption about where offsets change). Bounded:
 * a zone's map is emptied when it grows past `MAX_CACHED_INSTANTS`.
 */
const offsetsByZone = new Map<string, Map<number, number>>();
const MAX_CACHED_INSTANTS = 200_000;

/**
 * The offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds; `RangeError`
 * naming `timeZone` when the zone is unknown (`tzOffset` returns `NaN` for it). Internal.
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let offsets = offsetsByZone.get(timeZone);
  const cached = offsets?.get(epochMs);
  if (cached !== undefined) return cached;
  const offsetMinutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isNaN(offsetMinutes)) {
    throw new RangeError(`timeZone is not a known IANA time zone: ${String(timeZone)}`);
  }
  const offset = offsetMinutes * 60_000;
  if (offsets === undefined) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  } else if (offsets.size >= MAX_CACHED_INSTANTS) {
    offsets.clear();
  }
  offsets.set(epochMs, offset);
  return offset;
}
