import { assertTimeZone } from '../days/index.js';

const knownZones = new Set<string>(['UTC']);

/**
 * The `timeZone` option, default `UTC`, checked once per zone (constructing the `Intl` formatter
 * that validates it is slow, and flow metrics run per item). Internal.
 */
export function resolveTimeZone(options: { timeZone?: string } | undefined): string {
  const timeZone = options?.timeZone ?? 'UTC';
  if (!knownZones.has(timeZone)) {
    assertTimeZone(timeZone, 'timeZone');
    knownZones.add(timeZone);
  }
  return timeZone;
}
