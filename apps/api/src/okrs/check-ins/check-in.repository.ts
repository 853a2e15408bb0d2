import type { Day } from '@bearing/metrics';
import type { PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In, Not } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../../common/pagination/keyset-page.js';
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

const dateCreatedAtIdPosition = z.tuple([z.iso.date(), z.iso.datetime(), z.uuid()]);

/**
 * A key result's check-ins with their authors, latest first (by date, then by when made),
 * keyset-paged on (date, created_at, id); only those of the key result in this workspace.
 */
export function checkInPage(
  manager: EntityManager,
  workspaceId: string,
  keyResultId: string,
  page: PageQuery,
): Promise<{ rows: CheckIn[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(CheckIn)
    .createQueryBuilder('checkIn')
    .innerJoinAndSelect('checkIn.author', 'author')
    .where('checkIn.keyResultId = :keyResultId', { keyResultId })
    .andWhere('checkIn.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'checkIn.date', valueOf: (checkIn) => checkIn.date },
      { sort: 'checkIn.createdAt', valueOf: (checkIn) => checkIn.createdAt.toISOString() },
      { sort: 'checkIn.id', valueOf: (checkIn) => checkIn.id },
    ],
    direction: 'DESC',
    shape: dateCreatedAtIdPosition,
  });
}

/** Inserts a check-in; returns it loaded with its author. */
export async function insertCheckIn(
  manager: EntityManager,
  values: DeepPartial<CheckIn>,
): Promise<CheckIn> {
  const checkIns = manager.getRepository(CheckIn);
  const { id } = await checkIns.save(checkIns.create(values));
  return checkIns.findOneOrFail({ where: { id }, relations: { author: true } });
}

/**
 * A check-in of the key result (of this workspace) whose value is neither 0 nor 1 — the latest
 * such, by date then by when made — or null when every check-in is 0 or 1.
 */
export function checkInOtherThanZeroOrOne(
  manager: EntityManager,
  workspaceId: string,
  keyResultId: string,
): Promise<CheckIn | null> {
  return manager.getRepository(CheckIn).findOne({
    where: { keyResultId, workspaceId, value: Not(In([0, 1])) },
    order: { date: 'DESC', createdAt: 'DESC', id: 'DESC' },
  });
}
