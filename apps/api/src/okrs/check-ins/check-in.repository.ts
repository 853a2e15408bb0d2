import type { Day } from '@bearing/metrics';
import { type EntityManager, In } from 'typeorm';
import type { KeyResult } from '../key-results/key-result.entity.js';
import { CheckIn } from './check-in.entity.js';

/**
 * Each key result's latest check-in dated on or before its day, with its author — read only for
 * a key result of its own workspace.
 */
export async function lastCheckInsOnOrBefore(
  manager: EntityManager,
  asOf: readonly { keyResult: KeyResult; day: Day }[],
): Promise<Map<string, CheckIn>> {
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT ON ("check_in"."key_result_id") "check_in"."id"
       FROM "check_in"
       JOIN unnest($1::uuid[], $2::date[], $3::uuid[]) AS "as_of" ("key_result_id", "day", "workspace_id")
         ON "as_of"."key_result_id" = "check_in"."key_result_id"
       JOIN "key_result" ON "key_result"."id" = "as_of"."key_result_id"
                        AND "key_result"."workspace_id" = "as_of"."workspace_id"
      WHERE "check_in"."date" <= "as_of"."day"
      ORDER BY "check_in"."key_result_id", "check_in"."date" DESC,
               "check_in"."created_at" DESC, "check_in"."id" DESC`,
    [
      asOf.map(({ keyResult }) => keyResult.id),
      asOf.map(({ day }) => day),
      asOf.map(({ keyResult }) => keyResult.workspaceId),
    ],
  );
  if (rows.length === 0) return new Map();
  const checkIns = await manager.getRepository(CheckIn).find({
    where: { id: In(rows.map(({ id }) => id)) },
    relations: { author: true },
  });
  return new Map(checkIns.map((checkIn) => [checkIn.keyResultId, checkIn]));
}
