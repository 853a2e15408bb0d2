import type { RaidKind, RaidStatus } from '@bearing/contracts';
import type { RaidFieldChanges } from './raid-item-change.entity.js';
import type { RaidItem } from './raid-item.entity.js';
import { riskScore } from '@bearing/metrics';

/** The fields of a RAID item its history tracks, by their API names. */
export type RaidState = {
  kind: RaidKind;
  title: string;
  probability: number;
  impact: number;
  ownerId: string | null;
  mitigation: string;
  status: RaidStatus;
  dueDate: string | null;
};

const TRACKED_FIELDS = [
  'kind',
  'title',
  'probability',
  'impact',
  'ownerId',
  'mitigation',
  'status',
  'dueDate',
] as const satisfies readonly (keyof RaidState)[];

export function raidStateOf(item: RaidItem): RaidState {
  return {
    kind: item.kind,
    title: item.title,
    probability: item.probability,
    impact: item.impact,
    ownerId: item.ownerUserId,
    mitigation: item.mitigation,
    status: item.status,
    dueDate: item.dueDate,
  };
}

/** `{ field: { from, to } }` for each field that differs; every field when `before` is null. */
export function diffRaidState(before: RaidState | null, after: RaidState): RaidFieldChanges {
  const changes: RaidFieldChanges = {};
  for (const field of TRACKED_FIELDS) {
    const from = before === null ? null : before[field];
    if (before === null || from !== after[field]) changes[field] = { from, to: after[field] };
  }
  return changes;
}

/**
 * The state an item had before `laterChanges` (its history entries from some moment on, oldest
 * first) were made: each is undone, newest first. What `from` says is what the field was.
 */
export function raidStateBefore(
  current: RaidState,
  laterChanges: readonly { changes: RaidFieldChanges }[],
): RaidState {
  const state = { ...current };
  for (const { changes } of [...laterChanges].reverse()) {
    for (const field of TRACKED_FIELDS) {
      const change = changes[field];
      if (change !== undefined) Object.assign(state, { [field]: change.from });
    }
  }
  return state;
}

/** A RAID item's score, defined (with its source) in `@bearing/metrics`. */
export function raidScore({ probability, impact }: Pick<RaidState, 'probability' | 'impact'>) {
  return riskScore({ probability, impact });
}
