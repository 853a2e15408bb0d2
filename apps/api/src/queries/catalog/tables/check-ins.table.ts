import type { CatalogTable } from '../catalog-table.js';
import { utcMidnight } from '../computed-source.js';

export const CHECK_INS_TABLE: CatalogTable = {
  name: 'CheckIns',
  description: "Every check-in of the workspace's key results (corrections are later check-ins).",
  source: `"check_in" c WHERE c.workspace_id = $1::uuid`,
  columns: [
    {
      name: 'keyResult',
      type: 'string',
      sql: 'c.key_result_id::text',
      description: "The key result's id (KeyResults' id).",
    },
    {
      name: 'date',
      type: 'datetime',
      sql: utcMidnight('c.date'),
      description: 'The day the reading is for (midnight UTC).',
    },
    { name: 'value', type: 'real', sql: 'c.value', description: 'The value read.' },
    {
      name: 'confidence',
      type: 'string',
      sql: 'c.confidence',
      description: 'on-track, at-risk or off-track.',
    },
  ],
  timeColumn: 'date',
};
