import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type LinkedRecordKind, LinkedRecords } from './linked-records.js';

/**
 * Where each kind of linked record lives. Every workspace record has `id` and `workspace_id`;
 * the name expression is the only other column this adapter reads.
 */
const SOURCES: Record<LinkedRecordKind, { table: string; name: string }> = {
  team: { table: 'team', name: 'record."name"' },
  objective: { table: 'objective', name: 'record."title"' },
  guardrail: {
    table: 'guardrail',
    name: '(SELECT metric."name" FROM "metric" metric WHERE metric."id" = record."metric_id")',
  },
};

/**
 * `LinkedRecords` read straight from the other features' tables, always filtered by workspace.
 * A stop-gap while those features (issues 5 and 6) are built alongside this one: once their
 * services settle, delegate to them instead, and drop the table-exists check — it only lets
 * programs run before the `team` table has a migration.
 */
@Injectable()
export class TableLinkedRecords extends LinkedRecords {
  async existing(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlySet<string> | null> {
    const { table } = SOURCES[kind];
    if (!(await tableExists(manager, table))) return null;
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT record."id"::text AS "id" FROM "${table}" record
        WHERE record."workspace_id" = $1 AND record."id" = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Set(rows.map(({ id }) => id));
  }

  async names(
    manager: EntityManager,
    workspaceId: string,
    kind: LinkedRecordKind,
    ids: readonly string[],
  ): Promise<ReadonlyMap<string, string>> {
    const { table, name } = SOURCES[kind];
    if (ids.length === 0 || !(await tableExists(manager, table))) return new Map();
    const rows: { id: string; name: string | null }[] = await manager.query(
      `SELECT record."id"::text AS "id", ${name} AS "name" FROM "${table}" record
        WHERE record."workspace_id" = $1 AND record."id" = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(rows.flatMap(({ id, name }) => (name === null ? [] : [[id, name]])));
  }
}

async function tableExists(manager: EntityManager, table: string): Promise<boolean> {
  const [row]: { exists: boolean }[] = await manager.query(
    `SELECT to_regclass($1) IS NOT NULL AS "exists"`,
    [`public.${table}`],
  );
  return row?.exists === true;
}
