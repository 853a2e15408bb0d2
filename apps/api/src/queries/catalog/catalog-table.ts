import type { ColumnType } from '../language/query-types.js';

/** One column of a table the query language offers, and the SQL that reads it from `source`. */
export type CatalogColumn = { name: string; type: ColumnType; sql: string; description: string };

/**
 * A table of the query language: the SQL rows it reads (`source`, a FROM clause whose
 * conditions always include the workspace filter on `$1` — the compiler never takes it from
 * the query), its columns and the column that places a row in time (for an alert rule's
 * lookback window).
 */
export type CatalogTable = {
  name: string;
  description: string;
  source: string;
  columns: CatalogColumn[];
  timeColumn?: string;
};
