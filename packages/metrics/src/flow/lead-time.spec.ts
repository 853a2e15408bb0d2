import { describe, expect, it } from '@jest/globals';
import { workflow, workItem } from '../../test/flow-fixtures.js';
import { leadTime } from '../index.js';

describe('leadTime', () => {
  it('counts days from the day of createdAt to the done day', () => {
    const item = workItem('L-1', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-03T10:00:00Z', 'In Progress'],
      ['2024-01-08T16:00:00Z', 'Done'],
    ]);
    expect(leadTime(item, workflow)).toBe(7);
    expect(leadTime(item, workflow, { inclusive: true })).toBe(8);
  });

  it('starts at creation even when the initial status is unmapped', () => {
    const item = workItem('L-2', '2024-01-01T09:00:00Z', 'Triage', [
      ['2024-01-04T10:00:00Z', 'Done'],
    ]);
    expect(leadTime(item, workflow)).toBe(3);
  });

  it('is null for an item not done', () => {
    const item = workItem('L-3', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-03T10:00:00Z', 'In Progress'],
    ]);
    expect(leadTime(item, workflow)).toBeNull();
  });

  it('takes the day of createdAt in the timeZone option', () => {
    const item = workItem('L-4', '2024-01-01T23:30:00Z', 'To Do', [
      ['2024-01-05T10:00:00Z', 'Done'],
    ]);
    expect(leadTime(item, workflow)).toBe(4);
    expect(leadTime(item, workflow, { timeZone: 'Asia/Tokyo' })).toBe(3);
  });
});
