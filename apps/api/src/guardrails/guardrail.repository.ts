import type { GuardrailStatus } from '@bearing/contracts';
import { type EntityManager, In } from 'typeorm';
import { Guardrail } from './guardrail.entity.js';

/** Stores a guardrail's evaluated status; not an edit, so its version stays what a user holds. */
export async function storeGuardrailStatus(
  manager: EntityManager,
  guardrailId: string,
  status: GuardrailStatus,
): Promise<void> {
  await manager.query(`UPDATE "guardrail" SET "status" = $1 WHERE "id" = $2`, [
    status,
    guardrailId,
  ]);
}

/** Names (their metric's) of those `ids` that are guardrails of the workspace. */
export async function guardrailNames(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const guardrails = await manager
    .getRepository(Guardrail)
    .find({ where: { workspaceId, id: In([...ids]) }, relations: { metric: true } });
  return new Map(guardrails.flatMap(({ id, metric }) => (metric ? [[id, metric.name]] : [])));
}
