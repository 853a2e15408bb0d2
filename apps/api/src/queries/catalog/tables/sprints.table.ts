import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource } from '../computed-source.js';

/** The key of the rows the delivery feature computes for `Sprints`. */
export const SPRINT_ROWS = 'Sprints';

export const SPRINTS_TABLE: CatalogTable = {
  name: 'Sprints',
  description:
    "Every team's sprints with the sprint report's figures in points (the velocity chart's too).",
  source: ({ computed }) =>
    `${computedRowsSource(computed(SPRINT_ROWS), 's', {
      team: 'text',
      name: 'text',
      start: 'timestamptz',
      end: 'timestamptz',
      state: 'text',
      committed: 'double precision',
      completed: 'double precision',
      added: 'double precision',
      removed: 'double precision',
      sayDo: 'double precision',
    })} WHERE s."workspaceId" = $1::uuid`,
  columns: [
    { name: 'team', type: 'string', sql: 's."team"', description: "The team's slug." },
    { name: 'name', type: 'string', sql: 's."name"', description: "The sprint's name." },
    { name: 'start', type: 'datetime', sql: 's."start"', description: 'When it starts.' },
    { name: 'end', type: 'datetime', sql: 's."end"', description: 'When it ends.' },
    {
      name: 'state',
      type: 'string',
      sql: 's."state"',
      description: 'future, active or closed.',
    },
    {
      name: 'committed',
      type: 'real',
      sql: 's."committed"',
      description: 'Points in scope at the start (null without dates).',
    },
    {
      name: 'completed',
      type: 'real',
      sql: 's."completed"',
      description: 'Points completed and in scope at the close.',
    },
    {
      name: 'added',
      type: 'real',
      sql: 's."added"',
      description: 'Points added after the start.',
    },
    {
      name: 'removed',
      type: 'real',
      sql: 's."removed"',
      description: 'Points removed after the start.',
    },
    {
      name: 'sayDo',
      type: 'real',
      sql: 's."sayDo"',
      description: 'Say/do ratio: committed points completed ÷ committed (null if none).',
    },
  ],
  timeColumn: 'end',
};
