import type { CatalogTable } from '../catalog-table.js';
import { computedRowsSource, utcMidnight } from '../computed-source.js';

/** The key of the rows the OKR read model computes for `KeyResults`, as of the run's day. */
export const KEY_RESULT_ROWS = 'KeyResults';

/**
 * `KeyResults`: the key results' own fields from their table; the numbers and the check-in
 * state — which depend on the day — from the OKR read model as of the run's "now" (computed
 * rows, joined on the id, so a query that never names them does not compute them).
 */
export const KEY_RESULTS_TABLE: CatalogTable = {
  name: 'KeyResults',
  description:
    'Key results with their progress, pace and check-in state as the OKR pages show them on the day.',
  source: ({ computed }) =>
    `"key_result" kr LEFT JOIN "metric" m ON m.id = kr.metric_id
      LEFT JOIN ${computedRowsSource(computed(KEY_RESULT_ROWS), 'on_day', {
        id: 'uuid',
        current: 'double precision',
        progress: 'double precision',
        expectedProgress: 'double precision',
        pace: 'text',
        lastCheckIn: 'date',
        checkInDue: 'text',
        checkInDueOn: 'date',
      })} ON on_day."id" = kr.id AND on_day."workspaceId" = $1::uuid
      WHERE kr.workspace_id = $1::uuid`,
  columns: [
    { name: 'id', type: 'string', sql: 'kr.id::text', description: "The key result's id." },
    {
      name: 'objective',
      type: 'string',
      sql: 'kr.objective_id::text',
      description: "Its objective's id (Objectives' id).",
    },
    { name: 'title', type: 'string', sql: 'kr.title', description: 'Title.' },
    {
      name: 'kind',
      type: 'string',
      sql: 'kr.kind',
      description: 'increase, decrease, stay-above, stay-below or milestone.',
    },
    {
      name: 'metric',
      type: 'string',
      sql: 'm.key',
      description: "The linked metric's key (null when read from check-ins).",
    },
    {
      name: 'current',
      type: 'real',
      sql: 'on_day."current"',
      description: 'The value its progress is read from (null before the first).',
    },
    {
      name: 'progress',
      type: 'real',
      sql: 'on_day."progress"',
      description: 'From baseline to target, 0–1 (null before the first value).',
    },
    {
      name: 'expectedProgress',
      type: 'real',
      sql: 'on_day."expectedProgress"',
      description: "Share of its objective's period elapsed, 0–1 (its end once over).",
    },
    {
      name: 'pace',
      type: 'string',
      sql: 'on_day."pace"',
      description: 'on-track, at-risk or off-track (null while progress is).',
    },
    {
      name: 'lastCheckIn',
      type: 'datetime',
      sql: utcMidnight('on_day."lastCheckIn"'),
      description: 'Day of the last check-in counted (null before the first).',
    },
    {
      name: 'checkInDue',
      type: 'string',
      sql: 'on_day."checkInDue"',
      description:
        'due (one cadence interval since the last check-in or the start) or overdue (two); null otherwise — as the reminders.',
    },
    {
      name: 'checkInDueOn',
      type: 'datetime',
      sql: utcMidnight('on_day."checkInDueOn"'),
      description:
        'Day the next check-in is or was due, while check-ins are expected (active objective, period running); else null.',
    },
  ],
};
