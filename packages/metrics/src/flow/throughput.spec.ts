import { describe, expect, it } from '@jest/globals';
import { deepFreeze, workflow, workItem } from '../../test/flow-fixtures.js';
import { throughput } from '../index.js';

const doneOn = (id: string, at: string) =>
  workItem(id, '2023-12-20T09:00:00Z', 'To Do', [
    ['2023-12-21T09:00:00Z', 'In Progress'],
    [at, 'Done'],
  ]);

const items = deepFreeze([
  doneOn('T-1', '2024-01-01T10:00:00Z'), // Monday, before `from`, same week
  doneOn('T-2', '2024-01-03T10:00:00Z'),
  doneOn('T-3', '2024-01-03T18:00:00Z'),
  doneOn('T-4', '2024-01-07T23:00:00Z'), // Sunday
  doneOn('T-5', '2024-01-09T10:00:00Z'),
  doneOn('T-6', '2024-01-22T10:00:00Z'), // after the last week
  workItem('T-7', '2023-12-20T09:00:00Z', 'To Do', [['2024-01-03T09:00:00Z', 'In Progress']]),
]);

describe('throughput', () => {
  it('counts items done per day, with every day present', () => {
    expect(
      throughput(items, workflow, { from: '2024-01-02', to: '2024-01-05', interval: 'day' }),
    ).toEqual([
      { start: '2024-01-02', count: 0 },
      { start: '2024-01-03', count: 2 },
      { start: '2024-01-04', count: 0 },
      { start: '2024-01-05', count: 0 },
    ]);
  });

  it('counts whole ISO weeks labelled by the Monday on or before from', () => {
    expect(
      throughput(items, workflow, { from: '2024-01-03', to: '2024-01-16', interval: 'week' }),
    ).toEqual([
      { start: '2024-01-01', count: 4 },
      { start: '2024-01-08', count: 1 },
      { start: '2024-01-15', count: 0 },
    ]);
  });

  it('buckets by the done day in the timeZone option', () => {
    // T-4 is done on Monday 2024-01-08 00:00 in Berlin
    expect(
      throughput(items, workflow, {
        from: '2024-01-01',
        to: '2024-01-08',
        interval: 'week',
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual([
      { start: '2024-01-01', count: 3 },
      { start: '2024-01-08', count: 2 },
    ]);
  });

  it('gives zero buckets for no items', () => {
    expect(
      throughput([], workflow, { from: '2024-01-01', to: '2024-01-02', interval: 'day' }),
    ).toEqual([
      { start: '2024-01-01', count: 0 },
      { start: '2024-01-02', count: 0 },
    ]);
  });

  it('names to, from and interval when invalid', () => {
    expect(() =>
      throughput(items, workflow, { from: '2024-01-05', to: '2024-01-01', interval: 'day' }),
    ).toThrow(/\bto\b/);
    expect(() =>
      throughput(items, workflow, { from: '2024-13-01', to: '2024-01-01', interval: 'day' }),
    ).toThrow(/from/);
    expect(() =>
      throughput(items, workflow, {
        from: '2024-01-01',
        to: '2024-01-02',
        interval: 'month' as 'day',
      }),
    ).toThrow(/interval/);
  });
});
