import { z } from 'zod';

// Every date or instant a client sends is one of these, so a year the database cannot store (or
// date maths would misread) is a 400 naming the field.

/**
 * The moments a date or an instant may stand for: years 0001 to 9999 in UTC, those the
 * database stores (it has no year 0000, and an instant of 9999-12-31 at 23:00 at -05:00 falls
 * in year 10000 in UTC).
 */
const FIRST_MOMENT = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_MOMENT = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether a date or an instant, read as its moment in UTC, falls in years 0001–9999. */
function inStoredRange(dayOrInstant: string): boolean {
  const moment = Date.parse(dayOrInstant);
  return moment >= FIRST_MOMENT && moment <= LAST_MOMENT;
}

const DAY_RANGE = 'must be a calendar date from 0001-01-01 to 9999-12-31';

/** The message of a date or an instant in the right form whose moment is out of that range. */
export const MOMENT_RANGE_MESSAGE =
  'must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC';

/**
 * A calendar date `YYYY-MM-DD` that exists, from 0001-01-01 to 9999-12-31, whose complaint about
 * anything else (a missing value too) is `error` — for contracts with messages of their own.
 */
export function boundedIsoDay(
  error: Exclude<Parameters<typeof z.iso.date>[0], string | undefined>['error'],
) {
  return z.iso.date({ error }).refine(inStoredRange, { error: DAY_RANGE });
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-29 does not), from 0001-01-01 to 9999-12-31. */
export const isoDaySchema = boundedIsoDay('must be a calendar date YYYY-MM-DD');

/**
 * A moment in ISO-8601 with an offset (`2026-01-05T09:30:00Z`, `…+02:00`), within years
 * 0001–9999 once in UTC. A timestamp without an offset is refused: its moment would depend on
 * the zone of whoever reads it.
 */
export const isoInstantSchema = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO-8601 timestamp with an offset, e.g. 2026-01-05T09:30:00Z',
  })
  .refine(inStoredRange, { error: MOMENT_RANGE_MESSAGE });

/**
 * An instant, or a calendar date standing for its first moment in UTC; within years 0001–9999.
 * One in either form whose moment is out of that range says so; anything else names the forms.
 */
export const instantOrDaySchema = z.union([isoInstantSchema, isoDaySchema], {
  error: (issue) => {
    const options = issue.code === 'invalid_union' ? issue.errors : [];
    // An option whose only complaints are its range check: the form was right.
    const rightForm = options.some((complaints) =>
      complaints.every((complaint) => complaint.code === 'custom'),
    );
    return rightForm
      ? MOMENT_RANGE_MESSAGE
      : 'must be an ISO-8601 timestamp with an offset (2026-01-05T09:30:00Z) or a date YYYY-MM-DD';
  },
});
