/**
 * The instant to record a change of a record at: now, but always after the record's previous
 * change, so its history has exactly one order even when two changes land in the same
 * millisecond (or a pinned clock). Callers hold the record's row lock, so no other change of it
 * is recorded meanwhile.
 */
export function changeInstant(now: Date, previous: Date | null): Date {
  return previous !== null && now <= previous ? new Date(previous.getTime() + 1) : now;
}
