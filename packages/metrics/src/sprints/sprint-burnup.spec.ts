import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sprintBurndown } from './sprint-burndown.js';
import { sprintBurnup } from './sprint-burnup.js';

describe('sprintBurnup', () => {
  it('accumulates completed work and puts scope at done + remaining', () => {
    const burndown = sprintBurndown(
      { start: '2024-03-04T09:00:00Z', end: '2024-03-08T17:00:00Z' },
      [
        { at: '2024-03-01T10:00:00Z', itemId: 'A', type: 'added', points: 5 },
        { at: '2024-03-01T10:00:00Z', itemId: 'B', type: 'added', points: 3 },
        { at: '2024-03-05T10:00:00Z', itemId: 'C', type: 'added', points: 2 },
        { at: '2024-03-05T15:00:00Z', itemId: 'A', type: 'completed' },
        { at: '2024-03-06T11:00:00Z', itemId: 'A', type: 'reopened' },
        { at: '2024-03-07T11:00:00Z', itemId: 'A', type: 'completed' },
        { at: '2024-03-07T12:00:00Z', itemId: 'B', type: 'removed' },
      ],
    );
    expect(sprintBurnup(burndown.days)).toEqual([
      { day: '2024-03-04', done: 0, scope: 8 },
      { day: '2024-03-05', done: 5, scope: 10 },
      { day: '2024-03-06', done: 0, scope: 10 },
      { day: '2024-03-07', done: 5, scope: 7 },
      { day: '2024-03-08', done: 5, scope: 7 },
    ]);
  });

  it('is empty for no days', () => {
    expect(sprintBurnup([])).toEqual([]);
  });

  it('keeps scope − done equal to the burndown’s remaining on every day', () => {
    const day = fc.record({
      day: fc.constant('2024-03-04'),
      remaining: fc.integer({ min: 0, max: 100 }),
      completed: fc.integer({ min: -20, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 30 }), (days) => {
        const burnup = sprintBurnup(days);
        burnup.forEach((row, index) => {
          expect(row.scope - row.done).toBe(days[index]?.remaining);
        });
      }),
    );
  });
});
