import type { CatalogTable } from './catalog-table.js';
import { CHECK_INS_TABLE } from './tables/check-ins.table.js';
import { DEPENDENCIES_TABLE } from './tables/dependencies.table.js';
import { KEY_RESULTS_TABLE } from './tables/key-results.table.js';
import { METRIC_SIGNALS_TABLE } from './tables/metric-signals.table.js';
import { MILESTONES_TABLE } from './tables/milestones.table.js';
import { OBJECTIVES_TABLE } from './tables/objectives.table.js';
import { RAID_ITEMS_TABLE } from './tables/raid-items.table.js';
import { SPRINTS_TABLE } from './tables/sprints.table.js';
import { WORK_ITEMS_TABLE } from './tables/work-items.table.js';

// The tables a query can read, each one workspace's rows only: every `source` filters on `$1`,
// the workspace the access guard resolved. Tables of their own are in `tables/`.

export const QUERY_TABLES: CatalogTable[] = [
  {
    name: 'Metrics',
    description: 'KPIs and guardrail metrics of the workspace.',
    source: `"metric" m WHERE m.workspace_id = $1::uuid`,
    columns: [
      {
        name: 'key',
        type: 'string',
        sql: 'm.key',
        description: "The metric's key, as in its URL.",
      },
      { name: 'name', type: 'string', sql: 'm.name', description: 'Display name.' },
      { name: 'unit', type: 'string', sql: 'm.unit', description: 'Unit of its values.' },
      { name: 'category', type: 'string', sql: 'm.category', description: 'Category.' },
      {
        name: 'direction',
        type: 'string',
        sql: 'm.direction',
        description: 'Which way is better.',
      },
    ],
  },
  {
    name: 'MetricPoints',
    description: 'Every stored value of every metric.',
    source: `"metric_point" p JOIN "metric" m ON m.id = p.metric_id WHERE m.workspace_id = $1::uuid`,
    columns: [
      { name: 'metric', type: 'string', sql: 'm.key', description: "The metric's key." },
      {
        name: 'timestamp',
        type: 'datetime',
        sql: 'p.timestamp',
        description: 'When the value was measured.',
      },
      { name: 'value', type: 'real', sql: 'p.value', description: 'The value.' },
    ],
    timeColumn: 'timestamp',
  },
  {
    name: 'Guardrails',
    description: 'Guardrails on metrics and their current status.',
    source: `"guardrail" g JOIN "metric" m ON m.id = g.metric_id WHERE g.workspace_id = $1::uuid`,
    columns: [
      { name: 'id', type: 'string', sql: 'g.id::text', description: "The guardrail's id." },
      { name: 'metric', type: 'string', sql: 'm.key', description: "The guarded metric's key." },
      {
        name: 'status',
        type: 'string',
        sql: 'g.status',
        description: 'ok, warning or breached (null before the first value).',
      },
      { name: 'baseline', type: 'real', sql: 'g.baseline', description: 'Baseline value.' },
      {
        name: 'thresholdType',
        type: 'string',
        sql: 'g.threshold_type',
        description: 'How the threshold is measured.',
      },
      {
        name: 'thresholdValue',
        type: 'real',
        sql: 'g.threshold_value',
        description: 'The threshold.',
      },
    ],
  },
  {
    name: 'GuardrailEvents',
    description: "Changes of a guardrail's status.",
    source: `"guardrail_status_change" c JOIN "guardrail" g ON g.id = c.guardrail_id WHERE g.workspace_id = $1::uuid`,
    columns: [
      { name: 'guardrail', type: 'string', sql: 'g.id::text', description: "The guardrail's id." },
      {
        name: 'changedAt',
        type: 'datetime',
        sql: 'c.changed_at',
        description: 'When the status changed.',
      },
      {
        name: 'from',
        type: 'string',
        sql: 'c.from_status',
        description: 'Status before (null at creation).',
      },
      { name: 'to', type: 'string', sql: 'c.to_status', description: 'Status after.' },
      { name: 'value', type: 'real', sql: 'c.value', description: 'The value that changed it.' },
    ],
    timeColumn: 'changedAt',
  },
  WORK_ITEMS_TABLE,
  SPRINTS_TABLE,
  MILESTONES_TABLE,
  RAID_ITEMS_TABLE,
  DEPENDENCIES_TABLE,
  METRIC_SIGNALS_TABLE,
  OBJECTIVES_TABLE,
  KEY_RESULTS_TABLE,
  CHECK_INS_TABLE,
];
