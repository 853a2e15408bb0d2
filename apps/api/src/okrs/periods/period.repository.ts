import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../../common/pagination/keyset-page.js';
import { Period } from './period.entity.js';

const startIdPosition = z.tuple([z.iso.date(), z.uuid()]);

/** The workspace's periods, latest start first, keyset-paged on (start, id). */
export function periodPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
): Promise<{ rows: Period[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Period)
    .createQueryBuilder('period')
    .where('period.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'period.start', valueOf: (period) => period.start },
      { sort: 'period.id', valueOf: (period) => period.id },
    ],
    direction: 'DESC',
    shape: startIdPosition,
  });
}

export function insertPeriod(manager: EntityManager, values: DeepPartial<Period>): Promise<Period> {
  const periods = manager.getRepository(Period);
  return periods.save(periods.create(values));
}

/** Saves a period loaded in this workspace (its version checked by the caller). */
export function savePeriod(manager: EntityManager, period: Period): Promise<Period> {
  return manager.getRepository(Period).save(period);
}
