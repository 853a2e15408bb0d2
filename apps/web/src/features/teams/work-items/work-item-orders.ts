import type { WorkItemFilter } from '../../../api/work-items';
import type { WorkItemOrder } from './use-work-item-filter';

/** The orders the sort menu offers, each with the direction a reader expects first. */
export const WORK_ITEM_ORDERS: { value: string; label: string; order: WorkItemOrder }[] = [
  { value: '', label: 'Newest first', order: undefined },
  { value: 'created:asc', label: 'Oldest first', order: { sort: 'created', order: 'asc' } },
  { value: 'key:asc', label: 'Key, A–Z', order: { sort: 'key', order: 'asc' } },
  { value: 'key:desc', label: 'Key, Z–A', order: { sort: 'key', order: 'desc' } },
  { value: 'status:asc', label: 'Status, A–Z', order: { sort: 'status', order: 'asc' } },
  { value: 'status:desc', label: 'Status, Z–A', order: { sort: 'status', order: 'desc' } },
  {
    value: 'finished:desc',
    label: 'Finished, latest first',
    order: { sort: 'finished', order: 'desc' },
  },
  {
    value: 'finished:asc',
    label: 'Finished, earliest first',
    order: { sort: 'finished', order: 'asc' },
  },
  {
    value: 'estimate:desc',
    label: 'Estimate, largest first',
    order: { sort: 'estimate', order: 'desc' },
  },
  {
    value: 'estimate:asc',
    label: 'Estimate, smallest first',
    order: { sort: 'estimate', order: 'asc' },
  },
];

/** The menu value of the list's current order ("" for newest first). */
export function orderValueOf(filter: WorkItemFilter): string {
  if (!filter.sort) return '';
  const value = `${filter.sort}:${filter.order ?? 'asc'}`;
  return value === 'created:desc' ? '' : value;
}
