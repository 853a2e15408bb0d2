import { z } from 'zod';

// Named iso… so they do not clash with the looser `daySchema` / `instantSchema` of teams.ts,
// whose error messages are zod's defaults.

/** A calendar date `YYYY-MM-DD` that exists (2026-02-29 does not). */
export const isoDaySchema = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });

/**
 * A moment in ISO-8601 with an offset (`2026-01-05T09:30:00Z`, `…+02:00`). A timestamp without
 * an offset is refused: its moment would depend on the zone of whoever reads it.
 */
export const isoInstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 timestamp with an offset, e.g. 2026-01-05T09:30:00Z',
});

/** An instant, or a calendar date standing for its first moment in UTC. */
export const instantOrDaySchema = z.union([isoInstantSchema, isoDaySchema], {
  error: 'must be an ISO-8601 timestamp with an offset (2026-01-05T09:30:00Z) or a date YYYY-MM-DD',
});
