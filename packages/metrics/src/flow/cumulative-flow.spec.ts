import { describe, expect, it } from '@jest/globals';
import { deepFreeze, workflow, workItem } from '../../test/flow-fixtures.js';
import { cumulativeFlow, wip } from '../index.js';

const items = deepFreeze([
  workItem('F-1', '2023-12-30T09:00:00Z', 'To Do', [
    ['2023-12-31T09:00:00Z', 'In Progress'],
    ['2024-01-02T09:00:00Z', 'Done'],
  ]),
  workItem('F-2', '2024-01-01T09:00:00Z', 'To Do', [
    ['2024-01-02T09:00:00Z', 'In Review'], // skips Ready and Doing
  ]),
  workItem('F-3', '2024-01-02T09:00:00Z', 'To Do', [
    ['2024-01-02T12:00:00Z', 'In Progress'],
    ['2024-01-03T09:00:00Z', 'To Do'], // back to the backlog
  ]),
  workItem('F-4', '2024-01-05T09:00:00Z', 'To Do', []), // after the range
]);

describe('cumulativeFlow', () => {
  it('counts per day the items that had reached each stage or a later one', () => {
    expect(cumulativeFlow(items, workflow, { from: '2024-01-01', to: '2024-01-03' })).toEqual([
      { day: '2024-01-01', counts: { Backlog: 2, Ready: 1, Doing: 1, Review: 0, Done: 0 } },
      { day: '2024-01-02', counts: { Backlog: 3, Ready: 2, Doing: 2, Review: 2, Done: 1 } },
      { day: '2024-01-03', counts: { Backlog: 3, Ready: 2, Doing: 2, Review: 2, Done: 1 } },
    ]);
  });

  it('names to when it is before from', () => {
    expect(() => cumulativeFlow(items, workflow, { from: '2024-01-03', to: '2024-01-01' })).toThrow(
      /\bto\b/,
    );
  });
});

describe('wip', () => {
  it('is the committed band minus the done band', () => {
    expect(wip(items, workflow, { from: '2023-12-30', to: '2024-01-03' })).toEqual([
      { day: '2023-12-30', count: 0 },
      { day: '2023-12-31', count: 1 },
      { day: '2024-01-01', count: 1 },
      { day: '2024-01-02', count: 1 },
      { day: '2024-01-03', count: 1 },
    ]);
  });

  it('counts a reopened item as work in progress again', () => {
    const reopened = workItem('W-1', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-01T10:00:00Z', 'In Progress'],
      ['2024-01-02T10:00:00Z', 'Done'],
      ['2024-01-03T10:00:00Z', 'In Progress'],
    ]);
    expect(wip([reopened], workflow, { from: '2024-01-01', to: '2024-01-03' })).toEqual([
      { day: '2024-01-01', count: 1 },
      { day: '2024-01-02', count: 1 },
      { day: '2024-01-03', count: 1 },
    ]);
  });
});
