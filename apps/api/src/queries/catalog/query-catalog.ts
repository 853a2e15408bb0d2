import type { CatalogTable } from './catalog-table.js';

// The tables a query can read, each one workspace's rows only: every `source` filters on `$1`,
// the workspace the access guard resolved. Day numbers of the flow read model count days
// since 1970-01-01 in the team's time zone; as datetimes they are that day's midnight UTC.

const epochDay = (column: string) =>
  `(timestamptz '1970-01-01 00:00:00+00' + ${column} * interval '1 day')`;

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
  {
    name: 'WorkItems',
    description:
      "Every team's work items with the flow read model's days and times (the team dashboard's figures).",
    source: `"work_item" w JOIN "team" t ON t.id = w.team_id
      LEFT JOIN "work_item_flow" f ON f.work_item_id = w.id
      WHERE w.workspace_id = $1::uuid AND w.removed_at IS NULL`,
    columns: [
      { name: 'team', type: 'string', sql: 't.slug', description: "The team's slug." },
      { name: 'key', type: 'string', sql: 'w.key', description: 'The issue key.' },
      { name: 'type', type: 'string', sql: 'w.type', description: 'Issue type.' },
      { name: 'status', type: 'string', sql: 'w.status', description: 'Current status.' },
      {
        name: 'stage',
        type: 'long',
        sql: 'f.stage::bigint',
        description: "Index of the current stage in the team's workflow.",
      },
      { name: 'points', type: 'real', sql: 'w.points', description: 'Story points.' },
      {
        name: 'createdAt',
        type: 'datetime',
        sql: 'w.created_at',
        description: 'When the item was created.',
      },
      {
        name: 'committedDay',
        type: 'datetime',
        sql: epochDay('f.committed_day'),
        description: 'Day work started (midnight UTC of the team-local day).',
      },
      {
        name: 'doneDay',
        type: 'datetime',
        sql: epochDay('f.done_day'),
        description: 'Day it was done.',
      },
      {
        name: 'cycleTime',
        type: 'long',
        sql: 'f.cycle_time::bigint',
        description: 'Cycle time in days, as the cycle-time chart.',
      },
      {
        name: 'leadTime',
        type: 'long',
        sql: 'f.lead_time::bigint',
        description: 'Lead time in days.',
      },
    ],
    timeColumn: 'createdAt',
  },
];
