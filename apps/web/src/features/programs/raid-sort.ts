import type { RaidItem } from '@bearing/contracts';

export type RaidSortColumn =
  'kind' | 'title' | 'probability' | 'impact' | 'score' | 'owner' | 'status' | 'dueDate';

export interface RaidSort {
  column: RaidSortColumn;
  direction: 'asc' | 'desc';
}

/** Highest score first, as a RAID review reads the log. */
export const DEFAULT_RAID_SORT: RaidSort = { column: 'score', direction: 'desc' };

function sortValue(item: RaidItem, column: RaidSortColumn): string | number | null {
  return column === 'owner' ? item.ownerName : item[column];
}

/**
 * The items ordered by one column; empty values (no owner, no due date) always last, ties by
 * title so the order is stable. Returns a new array.
 */
export function sortRaidItems(items: readonly RaidItem[], sort: RaidSort): RaidItem[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    if (left === null && right !== null) return 1;
    if (right === null && left !== null) return -1;
    if (left !== null && right !== null && left !== right) {
      const order =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : String(left).localeCompare(String(right));
      if (order !== 0) return sign * order;
    }
    return a.title.localeCompare(b.title);
  });
}

/** A click on a column header: the same column flips direction, a new one starts descending for numbers. */
export function nextSort(current: RaidSort, column: RaidSortColumn): RaidSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  const numeric = column === 'probability' || column === 'impact' || column === 'score';
  return { column, direction: numeric ? 'desc' : 'asc' };
}
