import type { CatalogTable } from '../catalog-table.js';

/**
 * `MetricSignals` reads the metric-signal read model (`metric_signal`, kept by the metrics
 * feature in the transaction that writes points): each analysed value of a metric with the
 * limits, rules and run its XmR chart shows.
 */
export const METRIC_SIGNALS_TABLE: CatalogTable = {
  name: 'MetricSignals',
  description:
    "Each metric's analysed values (its latest 500) with the XmR limits and signals its chart shows.",
  source: `"metric_signal" s JOIN "metric" m ON m.id = s.metric_id WHERE m.workspace_id = $1::uuid`,
  columns: [
    { name: 'metric', type: 'string', sql: 'm.key', description: "The metric's key." },
    {
      name: 'timestamp',
      type: 'datetime',
      sql: 's.timestamp',
      description: 'When the value was measured.',
    },
    { name: 'value', type: 'real', sql: 's.value', description: 'The value.' },
    {
      name: 'mean',
      type: 'real',
      sql: 's.mean',
      description: "Central line of the value's segment (limits are recomputed after a shift).",
    },
    {
      name: 'lowerLimit',
      type: 'real',
      sql: 's.lower_limit',
      description: 'Lower natural process limit of its segment.',
    },
    {
      name: 'upperLimit',
      type: 'real',
      sql: 's.upper_limit',
      description: 'Upper natural process limit of its segment.',
    },
    {
      name: 'signal',
      type: 'string',
      sql: 's.signal',
      description:
        "The rules that fire on the value, comma-separated in Wheeler's order: beyond-limits, three-of-four, run-of-eight, range-beyond-limit (null when none).",
    },
    {
      name: 'run',
      type: 'long',
      sql: 's.run::bigint',
      description:
        'How many values in a row, ending with this one, carry its first rule (0 without a signal).',
    },
  ],
  timeColumn: 'timestamp',
};
