import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource } from '../computed-source.js';

/** The key of the rows the programs feature computes for `RaidItems`. */
export const RAID_ROWS = 'RaidItems';

export const RAID_ITEMS_TABLE: CatalogTable = {
  name: 'RaidItems',
  description: "Programs' risks, assumptions, issues and decisions with their score.",
  source: ({ computed }) =>
    `${computedRowsSource(computed(RAID_ROWS), 'ri', {
      programId: 'uuid',
      program: 'text',
      kind: 'text',
      title: 'text',
      probability: 'bigint',
      impact: 'bigint',
      score: 'bigint',
      status: 'text',
    })} WHERE ri."workspaceId" = $1::uuid`,
  columns: [
    { name: 'program', type: 'string', sql: 'ri."program"', description: "The program's name." },
    {
      name: 'programId',
      type: 'string',
      sql: 'ri."programId"::text',
      description: "The program's id.",
    },
    {
      name: 'kind',
      type: 'string',
      sql: 'ri."kind"',
      description: 'risk, assumption, issue or decision.',
    },
    { name: 'title', type: 'string', sql: 'ri."title"', description: 'Title.' },
    {
      name: 'probability',
      type: 'long',
      sql: 'ri."probability"',
      description: 'Probability, 1–5.',
    },
    { name: 'impact', type: 'long', sql: 'ri."impact"', description: 'Impact, 1–5.' },
    {
      name: 'score',
      type: 'long',
      sql: 'ri."score"',
      description: 'Probability × impact, as the RAID log.',
    },
    { name: 'status', type: 'string', sql: 'ri."status"', description: 'Status.' },
  ],
};
