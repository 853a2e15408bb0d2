import type {
  RaidItem as RaidItemResponse,
  RaidItemChange as RaidItemChangeResponse,
  RaidItemDetail,
} from '@bearing/contracts';
import { raidScore } from './raid-history.js';
import type { RaidItemChange } from './raid-item-change.entity.js';
import type { RaidItem } from './raid-item.entity.js';

/** For an item loaded with its owner. */
export function toRaidItemResponse(item: RaidItem): RaidItemResponse {
  return {
    id: item.id,
    programId: item.programId,
    kind: item.kind,
    title: item.title,
    probability: item.probability,
    impact: item.impact,
    score: raidScore(item),
    ownerId: item.ownerUserId,
    ownerName: item.owner?.displayName ?? null,
    mitigation: item.mitigation,
    status: item.status,
    dueDate: item.dueDate,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}

/** For history entries loaded with their authors, oldest first. */
export function toRaidItemDetail(
  item: RaidItem,
  history: readonly RaidItemChange[],
): RaidItemDetail {
  return { ...toRaidItemResponse(item), history: history.map(toChangeResponse) };
}

function toChangeResponse(change: RaidItemChange): RaidItemChangeResponse {
  if (!change.author) throw new Error(`RAID change ${change.id} loaded without its author`);
  return {
    id: change.id,
    author: { id: change.author.id, displayName: change.author.displayName },
    changedAt: change.changedAt.toISOString(),
    action: change.action,
    changes: change.changes,
  };
}
