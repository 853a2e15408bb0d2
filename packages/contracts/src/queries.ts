import { z } from 'zod';
import { untrimmedText } from './text.js';

/** The longest query text accepted, and the most rows one answer carries. */
export const QUERY_MAX_LENGTH = 10_000;
export const QUERY_ROW_CAP = 10_000;
/** A query that runs longer is stopped and answered with a 400 saying so. */
export const QUERY_TIMEOUT_MS = 5_000;

/** Value types of the query language (KQL's names). */
export const queryColumnTypeSchema = z.enum([
  'string',
  'long',
  'real',
  'bool',
  'datetime',
  'timespan',
]);
export type QueryColumnType = z.infer<typeof queryColumnTypeSchema>;

export const queryRunRequestSchema = z.strictObject({
  query: untrimmedText({ error: 'query must be text' }).max(QUERY_MAX_LENGTH),
});
export type QueryRunRequest = z.infer<typeof queryRunRequestSchema>;

export const queryColumnSchema = z.object({ name: z.string(), type: queryColumnTypeSchema });

/**
 * One value of a result row: datetimes are ISO-8601 UTC strings, timespans ISO-8601 durations,
 * day counts whole numbers; null where the data has none.
 */
export const queryValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const queryResultSchema = z.object({
  columns: z.array(queryColumnSchema),
  /** Each row maps a column's name to its value, in the order of `columns`. */
  rows: z.array(z.record(z.string(), queryValueSchema)),
  stats: z.object({
    rowCount: z.number().int(),
    /** More rows matched than `QUERY_ROW_CAP`: the answer stops there. */
    truncated: z.boolean(),
    elapsedMs: z.number(),
  }),
  /** The query's `render` hint for the console. */
  render: z.enum(['timechart', 'barchart', 'table']).optional(),
});
export type QueryResult = z.infer<typeof queryResultSchema>;

export const queryCatalogSchema = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      columns: z.array(
        z.object({ name: z.string(), type: queryColumnTypeSchema, description: z.string() }),
      ),
    }),
  ),
  operators: z.array(z.string()),
  functions: z.array(z.string()),
});
export type QueryCatalog = z.infer<typeof queryCatalogSchema>;
