import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource, utcMidnight } from '../computed-source.js';

/** The key of the rows the programs feature computes for `Milestones`. */
export const MILESTONE_ROWS = 'Milestones';

export const MILESTONES_TABLE: CatalogTable = {
  name: 'Milestones',
  description: "Programs' milestones with their slip against the baseline, as the program page.",
  source: ({ computed }) =>
    `${computedRowsSource(computed(MILESTONE_ROWS), 'ms', {
      programId: 'uuid',
      program: 'text',
      name: 'text',
      baselineDate: 'date',
      currentDate: 'date',
      slipDays: 'bigint',
      completedAt: 'date',
    })} WHERE ms."workspaceId" = $1::uuid`,
  columns: [
    { name: 'program', type: 'string', sql: 'ms."program"', description: "The program's name." },
    {
      name: 'programId',
      type: 'string',
      sql: 'ms."programId"::text',
      description: "The program's id.",
    },
    { name: 'name', type: 'string', sql: 'ms."name"', description: "The milestone's name." },
    {
      name: 'baselineDate',
      type: 'datetime',
      sql: utcMidnight('ms."baselineDate"'),
      description: 'The date first planned (midnight UTC).',
    },
    {
      name: 'currentDate',
      type: 'datetime',
      sql: utcMidnight('ms."currentDate"'),
      description: 'The date planned now.',
    },
    {
      name: 'slipDays',
      type: 'long',
      sql: 'ms."slipDays"',
      description:
        "Days late against the baseline (negative: early): to completion once completed; while open, to the current date, or to the run's day (UTC) once that date has passed.",
    },
    {
      name: 'completedAt',
      type: 'datetime',
      sql: utcMidnight('ms."completedAt"'),
      description: 'The day it was completed (null while open).',
    },
  ],
};
