import { describe, expect, it } from '@jest/globals';
import { deepFreeze, workflow, workItem } from '../../test/flow-fixtures.js';
import { agingWip } from '../index.js';

const items = deepFreeze([
  workItem('G-1', '2024-01-01T09:00:00Z', 'To Do', [
    ['2024-01-03T09:00:00Z', 'In Progress'],
    ['2024-01-06T09:00:00Z', 'In Review'],
  ]),
  workItem('G-2', '2024-01-01T09:00:00Z', 'To Do', [
    ['2024-01-02T09:00:00Z', 'In Progress'],
    ['2024-01-04T09:00:00Z', 'Done'],
  ]),
  workItem('G-3', '2024-01-01T09:00:00Z', 'To Do', [['2024-01-02T09:00:00Z', 'Ready']]),
  workItem('G-4', '2024-01-02T09:00:00Z', 'To Do', [
    ['2024-01-05T09:00:00Z', 'In Progress'],
    ['2024-01-07T09:00:00Z', 'Blocked'],
  ]),
  workItem('G-5', '2024-01-02T09:00:00Z', 'To Do', [
    ['2024-01-03T09:00:00Z', 'In Progress'],
    ['2024-01-04T09:00:00Z', 'Done'],
    ['2024-01-08T09:00:00Z', 'In Review'], // reopened into review
  ]),
  workItem('G-6', '2024-01-12T09:00:00Z', 'In Progress', []), // created after asOf
]);

describe('agingWip', () => {
  it('lists committed, unfinished items with their furthest stage and age', () => {
    expect(agingWip(items, workflow, '2024-01-10')).toEqual([
      { id: 'G-1', stage: 'Review', ageDays: 7 },
      { id: 'G-4', stage: 'Doing', ageDays: 5 },
      { id: 'G-5', stage: 'Review', ageDays: 7 },
    ]);
  });

  it('counts both ends when inclusive (ActionableAgile)', () => {
    expect(agingWip(items, workflow, '2024-01-10', { inclusive: true })[0]).toEqual({
      id: 'G-1',
      stage: 'Review',
      ageDays: 8,
    });
  });

  it('shows the items as they were on a past asOf', () => {
    expect(agingWip(items, workflow, '2024-01-03')).toEqual([
      { id: 'G-1', stage: 'Doing', ageDays: 0 },
      { id: 'G-2', stage: 'Doing', ageDays: 1 },
      { id: 'G-5', stage: 'Doing', ageDays: 0 },
    ]);
  });

  it('takes the day of each change in the timeZone option', () => {
    const lateStart = workItem('G-7', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-04T23:30:00Z', 'In Progress'], // 2024-01-05 in Berlin
    ]);
    expect(agingWip([lateStart], workflow, '2024-01-04')).toEqual([
      { id: 'G-7', stage: 'Doing', ageDays: 0 },
    ]);
    expect(agingWip([lateStart], workflow, '2024-01-04', { timeZone: 'Europe/Berlin' })).toEqual(
      [],
    );
  });

  it('names asOf when it is not a day', () => {
    expect(() => agingWip(items, workflow, '10/01/2024')).toThrow(/asOf/);
  });
});
