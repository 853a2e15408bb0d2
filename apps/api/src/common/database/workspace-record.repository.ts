import type {
  EntityManager,
  EntityTarget,
  FindOptionsRelations,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { ProblemException } from '../problem/problem.js';

/**
 * The one "in this workspace or 404" lookup. A record named in a path that is not in the
 * caller's workspace is a 404 with `notFound` — a record of another workspace is simply not
 * found, so its existence is not revealed. The workspace filter is part of every query here.
 */
export async function findInWorkspaceOr404<Entity extends ObjectLiteral & { workspaceId: string }>(
  manager: EntityManager,
  entity: EntityTarget<Entity>,
  {
    workspaceId,
    where,
    relations,
  }: {
    workspaceId: string;
    where: FindOptionsWhere<Entity>;
    relations?: FindOptionsRelations<Entity>;
  },
  notFound: string,
): Promise<Entity> {
  const record = await manager.getRepository(entity).findOne({
    where: { ...where, workspaceId },
    ...(relations ? { relations } : {}),
  });
  if (!record) throw ProblemException.notFound(notFound);
  return record;
}

/**
 * Locks the row of `table` with this `id` in the workspace (and matching `also`, e.g. its
 * program) for the rest of the transaction — 404 with `notFound` when there is none — so the
 * version an edit is checked against cannot change before the edit is saved. `table` and the
 * column names of `also` are constants of the caller, never input.
 */
export async function lockInWorkspaceOr404(
  manager: EntityManager,
  table: string,
  {
    workspaceId,
    id,
    also = {},
  }: { workspaceId: string; id: string; also?: Record<string, string> },
  notFound: string,
): Promise<void> {
  const columns = Object.keys(also);
  const conditions = columns.map((column, index) => ` AND "${column}" = $${index + 3}`).join('');
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM "${table}" WHERE "id" = $1 AND "workspace_id" = $2${conditions} FOR UPDATE`,
    [id, workspaceId, ...columns.map((column) => also[column])],
  );
  if (rows.length === 0) throw ProblemException.notFound(notFound);
}
