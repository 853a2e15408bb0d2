import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource } from '../computed-source.js';

/** The key of the rows the OKR read model computes for `Objectives`, as of the run's day. */
export const OBJECTIVE_ROWS = 'Objectives';

/**
 * `Objectives`: the objectives' own fields from their tables; progress, expected progress and
 * pace — which depend on the day — from the OKR read model as of the run's "now" (computed
 * rows, joined on the id, so a query that never names them does not compute them).
 */
export const OBJECTIVES_TABLE: CatalogTable = {
  name: 'Objectives',
  description: 'Objectives with their progress and pace as the OKR pages show them on the day.',
  source: ({ computed }) =>
    `"objective" o JOIN "period" p ON p.id = o.period_id JOIN "user" u ON u.id = o.owner_user_id
      LEFT JOIN ${computedRowsSource(computed(OBJECTIVE_ROWS), 'on_day', {
        id: 'uuid',
        progress: 'double precision',
        expectedProgress: 'double precision',
        pace: 'text',
      })} ON on_day."id" = o.id AND on_day."workspaceId" = $1::uuid
      WHERE o.workspace_id = $1::uuid`,
  columns: [
    { name: 'id', type: 'string', sql: 'o.id::text', description: "The objective's id." },
    { name: 'title', type: 'string', sql: 'o.title', description: 'Title.' },
    { name: 'owner', type: 'string', sql: 'u.email', description: "The owner's email." },
    { name: 'period', type: 'string', sql: 'p.name', description: "The period's name." },
    {
      name: 'status',
      type: 'string',
      sql: 'o.status',
      description: 'active, closed or cancelled.',
    },
    {
      name: 'progress',
      type: 'real',
      sql: 'on_day."progress"',
      description:
        'Rolled up from its key results and aligned objectives, 0–1 (null until measured).',
    },
    {
      name: 'expectedProgress',
      type: 'real',
      sql: 'on_day."expectedProgress"',
      description: 'Share of its period elapsed, 0–1 (its end once over).',
    },
    {
      name: 'pace',
      type: 'string',
      sql: 'on_day."pace"',
      description: 'on-track, at-risk or off-track (null while progress is).',
    },
  ],
};
