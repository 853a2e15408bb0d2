import { z } from 'zod';
import { isoDaySchema } from './days.js';

/**
 * Read models of a team's delivery, each computed by `@bearing/metrics` from the team's work
 * items in the team's time zone and calendar (definitions: packages/metrics/README.md). Flow
 * metrics need status history: items imported from a CSV (`hasHistory: false`) count for lead
 * time, throughput and forecasts only.
 */

const MAX_RANGE_DAYS = 3 * 366;

/** Days are counted in the team's time zone; `to` defaults to today, `from` to 89 days earlier. */
export const dayRangeQuerySchema = z
  .strictObject({ from: isoDaySchema.optional(), to: isoDaySchema.optional() })
  .superRefine(checkRange);

function checkRange(range: { from?: string; to?: string }, context: z.RefinementCtx): void {
  if (range.from === undefined || range.to === undefined) return;
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days < 0)
    context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (days > MAX_RANGE_DAYS) {
    context.addIssue({
      code: 'custom',
      path: ['from'],
      message: 'the range may span at most 3 years',
    });
  }
}

const percentilesSchema = z.object({
  p50: z.number().nullable(),
  p85: z.number().nullable(),
  p95: z.number().nullable(),
});

/** `unit=points` (default) sums latest estimates; `unit=count` counts items. */
export const sprintUnitSchema = z.enum(['points', 'count']);

export const sprintReportQuerySchema = z.strictObject({ unit: sprintUnitSchema.default('points') });

/** `GET …/teams/:team/sprints/:sprint/burndown` — `sprintBurndown`. */
export const sprintBurndownSchema = z.object({
  sprintId: z.uuid(),
  unit: sprintUnitSchema,
  timeZone: z.string(),
  committed: z.number(),
  days: z.array(
    z.object({
      day: z.string(),
      remaining: z.number(),
      ideal: z.number(),
      added: z.number(),
      removed: z.number(),
      completed: z.number(),
    }),
  ),
});

/** `GET …/teams/:team/sprints/:sprint/summary` — `sprintSummary`. */
export const sprintSummarySchema = z.object({
  sprintId: z.uuid(),
  unit: sprintUnitSchema,
  committed: z.number(),
  completed: z.number(),
  completedFromCommitment: z.number(),
  added: z.number(),
  removed: z.number(),
  carriedOver: z.number(),
  scopeAtEnd: z.number(),
  sayDoRatio: z.number().nullable(),
  completionRate: z.number().nullable(),
});

export const velocityQuerySchema = z.strictObject({
  window: z.coerce.number().int().min(1).max(26).default(3),
  unit: sprintUnitSchema.default('points'),
});

/**
 * `GET …/teams/:team/velocity?window=` — `velocity` over the last `window` closed sprints
 * (`outcomes`, oldest first: each sprint's `sprintSummary` committed and completed).
 */
export const velocitySchema = z.object({
  window: z.number().int(),
  unit: sprintUnitSchema,
  average: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  sprints: z.number().int(),
  outcomes: z.array(
    z.object({
      sprintId: z.uuid(),
      name: z.string(),
      start: z.iso.datetime().nullable(),
      end: z.iso.datetime().nullable(),
      committed: z.number(),
      completed: z.number(),
      sayDoRatio: z.number().nullable(),
    }),
  ),
});

/**
 * `GET …/teams/:team/flow/cycle-times?from&to` — items whose done day falls in the range, with
 * `cycleTime` and `leadTime` in days (`cycleTime`, `leadTime`; exclusive counting, same day =
 * 0). `percentiles` are of the cycle times, `leadTimePercentiles` of the lead times
 * (nearest-rank: the number of days within which that share of items finished), always over
 * all `total` items. `points` lists each item as `[key, doneDay, cycleTime, leadTime]` in
 * (done day, key) order — all of them, or when more than 5,000 (`sampled`) 5,000 evenly spaced
 * along that order. `withoutCycleTime` counts the items (of all) without a cycle time: imported
 * without history, so never seen committed.
 */
export const cycleTimesSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  total: z.number().int(),
  sampled: z.boolean(),
  withoutCycleTime: z.number().int(),
  points: z.array(
    z.tuple([z.string(), z.string(), z.number().int().nullable(), z.number().int().nullable()]),
  ),
  percentiles: percentilesSchema,
  leadTimePercentiles: percentilesSchema,
});

export const throughputQuerySchema = z
  .strictObject({
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    interval: z.enum(['day', 'week']).default('week'),
  })
  .superRefine(checkRange);

/** `GET …/teams/:team/flow/throughput?from&to&interval=` — `throughput`. */
export const throughputSchema = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(['day', 'week']),
  buckets: z.array(z.object({ start: z.string(), count: z.number().int() })),
});

/** `GET …/teams/:team/flow/cfd?from&to` — `cumulativeFlow`; `stages` in workflow order. */
export const cumulativeFlowSchema = z.object({
  from: z.string(),
  to: z.string(),
  stages: z.array(z.string()),
  days: z.array(z.object({ day: z.string(), counts: z.record(z.string(), z.number().int()) })),
});

/** `GET …/teams/:team/flow/wip?from&to` — `wip`. */
export const wipSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ day: z.string(), count: z.number().int() })),
});

/**
 * `GET …/teams/:team/flow/span` — which days the team's work items cover, in the team's time
 * zone, so the flow charts can open on a range that has data and say what is missing when a
 * range has none. `first` is the day the earliest item was created; `last` the latest day an
 * item was created, changed status or was resolved; both `null` without items.
 */
export const flowSpanSchema = z.object({
  timeZone: z.string(),
  /** Today in the team's time zone. */
  today: z.string(),
  items: z.number().int(),
  /** Items whose status history is known (Jira JSON); the CFD, cycle time and aging need it. */
  itemsWithHistory: z.number().int(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});

export const agingQuerySchema = z.strictObject({ asOf: isoDaySchema.optional() });

/**
 * `GET …/teams/:team/flow/aging?asOf=` — `agingWip`, oldest first; `asOf` defaults to today.
 * `total` items are in progress; `items` lists the 1,000 oldest of them.
 */
export const agingWipSchema = z.object({
  asOf: z.string(),
  stages: z.array(z.string()),
  total: z.number().int(),
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      stage: z.string(),
      ageDays: z.number().int(),
    }),
  ),
});

export const capacityQuerySchema = z.strictObject({
  sprint: z.uuid(),
  /** How many earlier closed sprints give "yesterday's weather". */
  history: z.coerce.number().int().min(1).max(26).default(3),
  focusFactor: z.coerce.number().min(0).max(1).default(1),
});

/**
 * `GET …/teams/:team/capacity?sprint=` — `capacityPlan` for the sprint from its availability,
 * with the rate of the last `history` closed sprints before it. Capacity only: the members'
 * available days, never what anyone delivered.
 */
export const capacitySchema = z.object({
  sprintId: z.uuid(),
  start: z.string(),
  end: z.string(),
  workingDays: z.number().int(),
  availablePersonDays: z.number(),
  pointsPerPersonDay: z.number().nullable(),
  forecast: z.object({ low: z.number(), expected: z.number(), high: z.number() }).nullable(),
  members: z.array(
    z.object({
      memberId: z.uuid(),
      displayName: z.string(),
      allocation: z.number(),
      daysOff: z.array(z.string()),
      availablePersonDays: z.number(),
    }),
  ),
  history: z.array(
    z.object({
      sprintId: z.uuid(),
      name: z.string(),
      completed: z.number(),
      availablePersonDays: z.number(),
    }),
  ),
});

/**
 * The throughput sample of a forecast: daily counts of finished items, `sampleTo` defaulting to
 * yesterday and `sampleFrom` to 89 days before it.
 */
const sampleWindowShape = {
  sampleFrom: isoDaySchema.optional(),
  sampleTo: isoDaySchema.optional(),
  trials: z.coerce.number().int().min(100).max(100_000).default(10_000),
};

function checkSample(
  query: { sampleFrom?: string; sampleTo?: string },
  context: z.RefinementCtx,
): void {
  checkRange({ from: query.sampleFrom, to: query.sampleTo }, context);
}

export const forecastWhenQuerySchema = z
  .strictObject({ remaining: z.coerce.number().int().min(1).max(100_000), ...sampleWindowShape })
  .superRefine(checkSample);

const forecastBase = {
  sampleFrom: z.string(),
  sampleTo: z.string(),
  /** The seed used: derived from the team and the query, so the same request gives the same answer. */
  seed: z.number().int(),
  trials: z.number().int(),
};

/**
 * A forecast that cannot be run because nothing was finished in the sample window: an answer,
 * not an error — a team that just started has no history yet, and the page says so calmly.
 */
export const insufficientHistorySchema = z.object({
  insufficientHistory: z.literal(true),
  sampleFrom: z.string(),
  sampleTo: z.string(),
  /** What is missing, in words, e.g. "No item was finished from … to …". */
  reason: z.string(),
});

/**
 * `GET …/teams/:team/forecast/when?remaining=` — `monteCarloWhen`. p50/p85/p95 are calendar
 * days from `startDay` (today); `dates` the days they fall on (null when unknowable).
 */
export const forecastWhenResultSchema = z.object({
  insufficientHistory: z.literal(false),
  ...forecastBase,
  remaining: z.number().int(),
  startDay: z.string(),
  p50: z.number().nullable(),
  p85: z.number().nullable(),
  p95: z.number().nullable(),
  dates: z.object({
    p50: z.string().nullable(),
    p85: z.string().nullable(),
    p95: z.string().nullable(),
  }),
  distribution: z.array(z.object({ days: z.number().int(), probability: z.number() })),
  unfinished: z.number().int(),
});

export const forecastWhenSchema = z.discriminatedUnion('insufficientHistory', [
  forecastWhenResultSchema,
  insufficientHistorySchema,
]);

export const forecastHowManyQuerySchema = z
  .strictObject({ days: z.coerce.number().int().min(1).max(3650), ...sampleWindowShape })
  .superRefine(checkSample);

/** `GET …/teams/:team/forecast/how-many?days=` — `monteCarloHowMany`. */
export const forecastHowManyResultSchema = z.object({
  insufficientHistory: z.literal(false),
  ...forecastBase,
  days: z.number().int(),
  p50: z.number(),
  p85: z.number(),
  p95: z.number(),
});

export const forecastHowManySchema = z.discriminatedUnion('insufficientHistory', [
  forecastHowManyResultSchema,
  insufficientHistorySchema,
]);

export type DayRangeQuery = z.output<typeof dayRangeQuerySchema>;
export type SprintReportQuery = z.output<typeof sprintReportQuerySchema>;
export type SprintBurndownResponse = z.infer<typeof sprintBurndownSchema>;
export type SprintSummaryResponse = z.infer<typeof sprintSummarySchema>;
export type VelocityQuery = z.output<typeof velocityQuerySchema>;
export type VelocityResponse = z.infer<typeof velocitySchema>;
export type CycleTimesResponse = z.infer<typeof cycleTimesSchema>;
export type ThroughputQuery = z.output<typeof throughputQuerySchema>;
export type ThroughputResponse = z.infer<typeof throughputSchema>;
export type CumulativeFlowResponse = z.infer<typeof cumulativeFlowSchema>;
export type WipResponse = z.infer<typeof wipSchema>;
export type FlowSpanResponse = z.infer<typeof flowSpanSchema>;
export type AgingQuery = z.output<typeof agingQuerySchema>;
export type AgingWipResponse = z.infer<typeof agingWipSchema>;
export type CapacityQuery = z.output<typeof capacityQuerySchema>;
export type CapacityResponse = z.infer<typeof capacitySchema>;
export type ForecastWhenQuery = z.output<typeof forecastWhenQuerySchema>;
export type InsufficientHistory = z.infer<typeof insufficientHistorySchema>;
export type ForecastWhenResult = z.infer<typeof forecastWhenResultSchema>;
export type ForecastWhenResponse = z.infer<typeof forecastWhenSchema>;
export type ForecastHowManyQuery = z.output<typeof forecastHowManyQuerySchema>;
export type ForecastHowManyResult = z.infer<typeof forecastHowManyResultSchema>;
export type ForecastHowManyResponse = z.infer<typeof forecastHowManySchema>;
