import type { RaidItem } from '@bearing/contracts';
import { describe, expect, it } from '@jest/globals';
import { nextSort, sortRaidItems } from './raid-sort';

function item(title: string, overrides: Partial<RaidItem>): RaidItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${title.length}`,
    programId: '00000000-0000-4000-8000-000000000000',
    kind: 'risk',
    title,
    probability: 1,
    impact: 1,
    score: 1,
    ownerId: null,
    ownerName: null,
    mitigation: '',
    status: 'open',
    dueDate: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const items = Object.freeze([
  item('Vendor late', { score: 20, ownerName: 'Ann', dueDate: '2026-12-01' }),
  item('Budget', { score: 6, ownerName: null, dueDate: '2026-11-20' }),
  item('API limits', { score: 20, ownerName: 'Bo', dueDate: null }),
]);

describe('sortRaidItems', () => {
  it('orders by score, highest first, ties by title', () => {
    const sorted = sortRaidItems(items, { column: 'score', direction: 'desc' });
    expect(sorted.map((entry) => entry.title)).toEqual(['API limits', 'Vendor late', 'Budget']);
  });

  it('keeps empty values last in either direction', () => {
    const ascending = sortRaidItems(items, { column: 'owner', direction: 'asc' });
    const descending = sortRaidItems(items, { column: 'owner', direction: 'desc' });
    expect(ascending.map((entry) => entry.ownerName)).toEqual(['Ann', 'Bo', null]);
    expect(descending.map((entry) => entry.ownerName)).toEqual(['Bo', 'Ann', null]);
    expect(sortRaidItems(items, { column: 'dueDate', direction: 'asc' }).at(-1)?.title).toBe(
      'API limits',
    );
  });

  it('does not change its input', () => {
    sortRaidItems(items, { column: 'title', direction: 'asc' });
    expect(items[0]?.title).toBe('Vendor late');
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column and starts numbers descending', () => {
    expect(nextSort({ column: 'score', direction: 'desc' }, 'score').direction).toBe('asc');
    expect(nextSort({ column: 'title', direction: 'asc' }, 'impact')).toEqual({
      column: 'impact',
      direction: 'desc',
    });
    expect(nextSort({ column: 'score', direction: 'desc' }, 'title').direction).toBe('asc');
  });
});
