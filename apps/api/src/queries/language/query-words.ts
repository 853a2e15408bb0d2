/** The operators and functions of the query language, for the catalog and autocomplete. */
export const QUERY_OPERATORS = [
  'where',
  'project',
  'extend',
  'summarize',
  'sort',
  'order',
  'take',
  'limit',
  'top',
  'count',
  'distinct',
  'join',
  'render',
] as const;

export const AGGREGATE_FUNCTIONS = [
  'count',
  'countif',
  'sum',
  'avg',
  'min',
  'max',
  'dcount',
  'percentile',
] as const;

export const QUERY_FUNCTIONS = [
  ...AGGREGATE_FUNCTIONS,
  'ago',
  'now',
  'startofweek',
  'startofday',
  'bin',
  'isnull',
  'isnotnull',
  'tolower',
  'not',
] as const;
