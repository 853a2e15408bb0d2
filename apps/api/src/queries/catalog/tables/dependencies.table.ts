import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource, utcMidnight } from '../computed-source.js';

/** The key of the rows the programs feature computes for `Dependencies`. */
export const DEPENDENCY_ROWS = 'Dependencies';

export const DEPENDENCIES_TABLE: CatalogTable = {
  name: 'Dependencies',
  description: "Programs' cross-team dependencies, overdue as the dependencies page says.",
  source: ({ computed }) =>
    `${computedRowsSource(computed(DEPENDENCY_ROWS), 'dp', {
      programId: 'uuid',
      program: 'text',
      description: 'text',
      from: 'text',
      to: 'text',
      needBy: 'date',
      status: 'text',
      overdue: 'boolean',
    })} WHERE dp."workspaceId" = $1::uuid`,
  columns: [
    { name: 'program', type: 'string', sql: 'dp."program"', description: "The program's name." },
    {
      name: 'programId',
      type: 'string',
      sql: 'dp."programId"::text',
      description: "The program's id.",
    },
    {
      name: 'description',
      type: 'string',
      sql: 'dp."description"',
      description: 'What is needed.',
    },
    {
      name: 'from',
      type: 'string',
      sql: 'dp."from"',
      description: 'Name of the team or program that needs it.',
    },
    {
      name: 'to',
      type: 'string',
      sql: 'dp."to"',
      description: 'Name of the team or program that provides it.',
    },
    {
      name: 'needBy',
      type: 'datetime',
      sql: utcMidnight('dp."needBy"'),
      description: 'The day it is needed by (midnight UTC).',
    },
    { name: 'status', type: 'string', sql: 'dp."status"', description: 'Status.' },
    {
      name: 'overdue',
      type: 'bool',
      sql: 'dp."overdue"',
      description: "Neither delivered nor cancelled and needed before the query's today (UTC).",
    },
  ],
};
