import type { ColumnType } from '../language/query-types.js';

/** One column of a table the query language offers, and the SQL that reads it from `source`. */
export type CatalogColumn = { name: string; type: ColumnType; sql: string; description: string };

/**
 * What a table's SQL may ask of the compiler, as parameters in the query's own numbering:
 * - `now()`: the run's "now" (a `timestamptz` parameter);
 * - `computed(key)`: rows computed in TypeScript for this run (by `@bearing/metrics`, through the
 *   owning feature's service) as a `jsonb` parameter, to read with `jsonb_to_recordset`. The
 *   rows are loaded only when the compiled query reads them (see `computed-rows.service.ts`).
 */
export type SourceContext = {
  now: () => string;
  computed: (key: string) => string;
};

/**
 * A table of the query language: the SQL rows it reads (`source`, a FROM clause whose
 * conditions always include the workspace filter on `$1` — the compiler never takes it from
 * the query), its columns and the column that places a row in time (for an alert rule's
 * lookback window).
 */
export type CatalogTable = {
  name: string;
  description: string;
  source: string | ((context: SourceContext) => string);
  columns: CatalogColumn[];
  timeColumn?: string;
  /**
   * Reads the teams' flow read model (`work_item_flow`), which must be brought up to date with
   * each team's workflow, time zone and items before the query's read-only transaction.
   */
  readsFlowReadModel?: boolean;
};
