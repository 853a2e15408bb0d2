/**
 * The JQL a sync sends. A source's own JQL may end in `ORDER BY`: the sync orders itself, so its
 * ordering is dropped. Issue pages are ordered by `updated` (oldest first, so the watermark only
 * ever moves forward); key listings by `key`, an order an edit made while listing does not move
 * an issue in (ordered by `updated`, an edited issue jumps to the end and the issues behind it
 * shift back one place, so the first issue of the next page is never listed).
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

/** How a search is ordered: `updated` for issue pages, `key` for key listings. */
export type JqlOrder = 'updated' | 'key';

/** Everything the source selects, oldest update first (or by key). */
export function fullJql(jql: string, order: JqlOrder = 'updated'): string {
  return `${and(selection(jql))} ORDER BY ${order} ASC`.trim();
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
  order: JqlOrder = 'updated',
): string {
  const since = new Date(watermark.getTime() - overlapMinutes * 60_000);
  return `${and(selection(jql), `updated >= "${jqlDate(since, timeZone)}"`)} ORDER BY ${order} ASC`;
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
