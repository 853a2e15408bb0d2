import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource } from '../computed-source.js';

/** The key of the ages the delivery feature computes for `WorkItems.ageDays`. */
export const WORK_ITEM_AGES = 'WorkItems.ageDays';

/** Day numbers of the flow read model count days since 1970-01-01 in the team's time zone. */
const epochDay = (column: string) =>
  `(timestamptz '1970-01-01 00:00:00+00' + ${column} * interval '1 day')`;

export const WORK_ITEMS_TABLE: CatalogTable = {
  name: 'WorkItems',
  description:
    "Every team's work items with the flow read model's days and times (the team dashboard's figures).",
  // The ages are computed as of the run's now, and only when the query reads `ageDays`
  // (`computed-rows.service.ts`); otherwise their record set is empty and the column null.
  source: ({ computed }) => `"work_item" w JOIN "team" t ON t.id = w.team_id
      LEFT JOIN "work_item_flow" f ON f.work_item_id = w.id
      LEFT JOIN ${computedRowsSource(computed(WORK_ITEM_AGES), 'age', {
        workItemId: 'uuid',
        ageDays: 'bigint',
      })} ON age."workItemId" = w.id AND age."workspaceId" = $1::uuid
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
      name: 'resolvedAt',
      type: 'datetime',
      sql: 'w.resolved_at',
      description: 'When its source says it was resolved (null while open).',
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
    {
      name: 'ageDays',
      type: 'long',
      sql: 'age."ageDays"',
      description:
        "Days in progress as the aging WIP chart counts them today in the team's time zone (null unless in progress).",
    },
  ],
  timeColumn: 'createdAt',
  readsFlowReadModel: true,
};
