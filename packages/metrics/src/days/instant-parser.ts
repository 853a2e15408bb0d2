import { daysFromCivil, daysInMonth } from './civil-date.js';

const MS_PER_DAY = 86_400_000;

/**
 * The ISO-8601 / RFC 3339 forms an `Instant` may take: a date, a time to the minute (seconds and
 * any fraction optional) and an offset — `Z`, `±hh:mm`, Jira's `±hhmm` or `±hh`. RFC 3339 also
 * allows a space instead of the `T`, and lower-case `t` / `z`.
 */
const INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Milliseconds since the epoch of an ISO-8601 instant with an offset, or `NaN` when `text` is
 * not one (wrong shape, no offset, impossible date or time). Internal.
 *
 * Parsed by hand rather than with `Date.parse`, which reads a timestamp without an offset in
 * the host's local zone (so the server and a browser would disagree on its day), accepts
 * non-ISO text such as `March 7, 2024` differently per engine, and rolls 2024-02-30 over to
 * March. Fractions finer than a millisecond are truncated, as `Date.parse` does. It is also
 * about three times faster, which matters to flow metrics that parse every status change.
 */
export function parseInstant(text: string): number {
  if (typeof text !== 'string' || !INSTANT_PATTERN.test(text)) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  let second = 0;
  let millisecond = 0;
  let position = 16;
  if (text.charCodeAt(position) === 58 /* : */) {
    second = digits(text, 17, 2);
    position = 19;
    if (text.charCodeAt(position) === 46 /* . */) {
      position++;
      let scale = 100;
      for (let code = text.charCodeAt(position); code >= 48 && code <= 57;) {
        if (scale >= 1) millisecond += (code - 48) * scale;
        scale /= 10;
        code = text.charCodeAt(++position);
      }
    }
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(position);
  if (sign === 43 /* + */ || sign === 45 /* - */) {
    const offsetHours = digits(text, position + 1, 2);
    const offsetRest = text.length > position + 3 ? digits(text, text.length - 2, 2) : 0;
    if (offsetHours > 23 || offsetRest > 59) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const endOfDay = hour === 24 && minute === 0 && second === 0 && millisecond === 0;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) {
    return Number.NaN;
  }
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return Number.NaN;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millisecond
  );
}

/** The decimal number written by `count` ASCII digits of `text` from `start` (already checked). */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    value = value * 10 + text.charCodeAt(index) - 48;
  }
  return value;
}
