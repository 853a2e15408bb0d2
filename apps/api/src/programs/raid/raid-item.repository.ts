import type { PageQuery, RaidKind, RaidStatus } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../../common/pagination/keyset-page.js';
import { recordNotFound } from '../program.repository.js';
import { RaidItemChange } from './raid-item-change.entity.js';
import { RaidItem } from './raid-item.entity.js';

type ProgramScope = { workspaceId: string; programId: string };

/** A program's RAID items with their owner, oldest first, keyset-paged on (created_at, id). */
export function raidItemPage(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  { kind, status }: { kind?: RaidKind | undefined; status?: RaidStatus | undefined },
  page: PageQuery,
): Promise<{ rows: RaidItem[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(RaidItem)
    .createQueryBuilder('item')
    .leftJoinAndSelect('item.owner', 'owner')
    .where('item.workspaceId = :workspaceId', { workspaceId })
    .andWhere('item.programId = :programId', { programId });
  if (kind) query.andWhere('item.kind = :kind', { kind });
  if (status) query.andWhere('item.status = :status', { status });
  return keysetPage(query, page, createdAtIdOrder('item', 'ASC'));
}

export function insertRaidItem(
  manager: EntityManager,
  values: DeepPartial<RaidItem>,
): Promise<RaidItem> {
  const items = manager.getRepository(RaidItem);
  return items.save(items.create(values));
}

export async function updateRaidItem(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
  columns: Partial<RaidItem>,
): Promise<void> {
  await manager.getRepository(RaidItem).update({ workspaceId, programId, id }, columns);
}

/** The RAID item of this program with its owner, or 404. */
export async function findRaidItem(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
): Promise<RaidItem> {
  const item = await manager
    .getRepository(RaidItem)
    .findOne({ where: { workspaceId, programId, id }, relations: { owner: true } });
  if (!item) throw recordNotFound('raid_item');
  return item;
}

/** When a RAID item (found in its workspace by the caller) last changed. */
export async function lastRaidChangeAt(
  manager: EntityManager,
  raidItemId: string,
): Promise<Date | null> {
  const previous = await manager
    .getRepository(RaidItemChange)
    .findOne({ where: { raidItemId }, order: { changedAt: 'DESC' } });
  return previous?.changedAt ?? null;
}

export async function insertRaidChange(
  manager: EntityManager,
  change: Pick<RaidItemChange, 'raidItemId' | 'action' | 'changes' | 'authorUserId' | 'changedAt'>,
): Promise<void> {
  const history = manager.getRepository(RaidItemChange);
  await history.save(history.create(change));
}

/** A RAID item's history (the item found in its workspace by the caller), oldest first. */
export function raidItemHistory(
  manager: EntityManager,
  raidItemId: string,
): Promise<RaidItemChange[]> {
  return manager.getRepository(RaidItemChange).find({
    where: { raidItemId },
    relations: { author: true },
    order: { changedAt: 'ASC', id: 'ASC' },
  });
}

/** All of a program's RAID items, with their owner, oldest first. */
export function programRaidItems(
  manager: EntityManager,
  { workspaceId, programId }: { workspaceId: string; programId: string },
): Promise<RaidItem[]> {
  return manager.getRepository(RaidItem).find({
    where: { workspaceId, programId },
    relations: { owner: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/** The changes of those RAID items (found in their workspace by the caller) since `from`, oldest first. */
export function raidChangesSince(
  manager: EntityManager,
  raidItemIds: readonly string[],
  from: Date,
): Promise<RaidItemChange[]> {
  if (raidItemIds.length === 0) return Promise.resolve([]);
  return manager.getRepository(RaidItemChange).find({
    where: { raidItemId: In([...raidItemIds]), changedAt: MoreThanOrEqual(from) },
    order: { changedAt: 'ASC', id: 'ASC' },
  });
}
