import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource } from '../computed-source.js';

/** The key of the sprint report figures the delivery feature computes for `Sprints`. */
export const SPRINT_FIGURES = 'Sprints.figures';

export const SPRINTS_TABLE: CatalogTable = {
  name: 'Sprints',
  description:
    "Every team's sprints with the sprint report's figures in points (the velocity chart's too).",
  // The stored columns come from the sprint table. The figures are computed for the sprints the
  // statement can read (a rule's lookback, a leading `where end >= …`), and only when the query
  // names one of them (`computed-rows.service.ts`); otherwise their record set is empty and
  // they are null.
  source: ({ computed }) => `"sprint" s JOIN "team" t ON t.id = s.team_id
      LEFT JOIN ${computedRowsSource(computed(SPRINT_FIGURES), 'figures', {
        sprintId: 'uuid',
        committed: 'double precision',
        completed: 'double precision',
        added: 'double precision',
        removed: 'double precision',
        sayDo: 'double precision',
      })} ON figures."sprintId" = s.id AND figures."workspaceId" = $1::uuid
      WHERE t.workspace_id = $1::uuid`,
  columns: [
    { name: 'team', type: 'string', sql: 't.slug', description: "The team's slug." },
    { name: 'name', type: 'string', sql: 's.name', description: "The sprint's name." },
    { name: 'start', type: 'datetime', sql: 's.starts_at', description: 'When it starts.' },
    { name: 'end', type: 'datetime', sql: 's.ends_at', description: 'When it ends.' },
    {
      name: 'state',
      type: 'string',
      sql: 's.state',
      description: 'future, active or closed.',
    },
    {
      name: 'committed',
      type: 'real',
      sql: 'figures."committed"',
      description: 'Points in scope at the start (null without dates).',
    },
    {
      name: 'completed',
      type: 'real',
      sql: 'figures."completed"',
      description: 'Points completed and in scope at the close.',
    },
    {
      name: 'added',
      type: 'real',
      sql: 'figures."added"',
      description: 'Points added after the start.',
    },
    {
      name: 'removed',
      type: 'real',
      sql: 'figures."removed"',
      description: 'Points removed after the start.',
    },
    {
      name: 'sayDo',
      type: 'real',
      sql: 'figures."sayDo"',
      description: 'Say/do ratio: committed points completed ÷ committed (null if none).',
    },
  ],
  timeColumn: 'end',
};
