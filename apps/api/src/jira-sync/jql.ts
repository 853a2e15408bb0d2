/**
 * The JQL a sync sends. A source's own JQL may end in `ORDER BY`: the sync orders by `updated`
 * itself (oldest first, so the watermark only ever moves forward), so its ordering is dropped.
 */

const ORDER_BY = /\border\s+by\b[\s\S]*$/i;

/** The source's JQL without its ordering, wrapped so an `OR` inside stays inside. */
function selection(jql: string): string {
  const bare = jql.replace(ORDER_BY, '').trim();
  return bare === '' ? '' : `(${bare})`;
}

function and(...clauses: string[]): string {
  return clauses.filter((clause) => clause !== '').join(' AND ');
}

/** Everything the source selects, oldest update first. */
export function fullJql(jql: string): string {
  return `${and(selection(jql))} ORDER BY updated ASC`.trim();
}

/**
 * What changed since the watermark, less the overlap. JQL reads dates in the Jira account's
 * time zone with minute precision, so the instant is written in that zone and rounded down.
 */
export function incrementalJql(
  jql: string,
  watermark: Date,
  overlapMinutes: number,
  timeZone: string,
): string {
  const since = new Date(watermark.getTime() - overlapMinutes * 60_000);
  return `${and(selection(jql), `updated >= "${jqlDate(since, timeZone)}"`)} ORDER BY updated ASC`;
}

/** The issues of `keys`, read again by key. */
export function keysJql(keys: readonly string[]): string {
  return `key in (${keys.map((key) => `"${key.replace(/["\\]/g, '\\$&')}"`).join(', ')}) ORDER BY updated ASC`;
}

/** `yyyy/MM/dd HH:mm` of `instant` in `timeZone`, rounded down to the minute. */
export function jqlDate(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}
