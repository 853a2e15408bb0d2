import { describe, expect, it } from '@jest/globals';
import { type SprintEvent, sprintSummary, type SprintWindow } from '../index.js';

const sprint: SprintWindow = { start: '2024-03-04T09:00:00Z', end: '2024-03-15T17:00:00Z' };

const added = (at: string, itemId: string, points: number): SprintEvent => ({
  at,
  itemId,
  type: 'added',
  points,
});
const event = (
  at: string,
  itemId: string,
  type: 'removed' | 'completed' | 'reopened',
): SprintEvent => ({ at, itemId, type });

describe('sprintSummary', () => {
  it('reports the doc example', () => {
    expect(
      sprintSummary(sprint, [
        added('2024-03-04T08:00:00Z', 'A', 5),
        added('2024-03-04T08:00:00Z', 'B', 3),
        added('2024-03-06T10:00:00Z', 'C', 2),
        event('2024-03-08T10:00:00Z', 'A', 'completed'),
        event('2024-03-12T10:00:00Z', 'C', 'completed'),
      ]),
    ).toEqual({
      committed: 8,
      completed: 7,
      completedFromCommitment: 5,
      added: 2,
      removed: 0,
      carriedOver: 3,
      scopeAtEnd: 10,
      sayDoRatio: expect.closeTo(0.625, 12),
      completionRate: expect.closeTo(0.7, 12),
    });
  });

  it('counts committed items at their start estimate and completed ones at their latest', () => {
    const summary = sprintSummary(sprint, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      { at: '2024-03-05T10:00:00Z', itemId: 'A', type: 'estimated', points: 8 },
      event('2024-03-06T10:00:00Z', 'A', 'completed'),
    ]);
    expect(summary).toMatchObject({ committed: 5, completed: 8, completedFromCommitment: 5 });
    expect(summary.sayDoRatio).toBe(1); // re-estimating upwards cannot push it above 1
  });

  it('does not let work added mid-sprint inflate the say/do ratio', () => {
    const summary = sprintSummary(sprint, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 5),
      added('2024-03-05T10:00:00Z', 'C', 20),
      event('2024-03-06T10:00:00Z', 'A', 'completed'),
      event('2024-03-07T10:00:00Z', 'C', 'completed'),
    ]);
    expect(summary.sayDoRatio).toBeCloseTo(0.5, 12);
    expect(summary.completed).toBe(25);
    expect(summary.completionRate).toBeCloseTo(25 / 30);
  });

  it('counts removals at the moment of the event and drops removed completed items', () => {
    const summary = sprintSummary(sprint, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 3),
      event('2024-03-05T10:00:00Z', 'A', 'completed'),
      event('2024-03-06T10:00:00Z', 'A', 'removed'),
      { at: '2024-03-06T10:00:00Z', itemId: 'B', type: 'estimated', points: 4 },
      event('2024-03-07T10:00:00Z', 'B', 'removed'),
    ]);
    expect(summary).toEqual({
      committed: 8,
      completed: 0,
      completedFromCommitment: 0,
      added: 0,
      removed: 9,
      carriedOver: 0,
      scopeAtEnd: 0,
      sayDoRatio: 0,
      completionRate: null,
    });
  });

  it('treats a reopened item as not completed, and a removed-then-re-added one as committed', () => {
    const summary = sprintSummary(sprint, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 3),
      event('2024-03-05T10:00:00Z', 'A', 'completed'),
      event('2024-03-06T10:00:00Z', 'A', 'reopened'),
      event('2024-03-06T10:00:00Z', 'B', 'removed'),
      added('2024-03-07T10:00:00Z', 'B', 2),
      event('2024-03-08T10:00:00Z', 'B', 'completed'),
    ]);
    expect(summary).toMatchObject({
      committed: 8,
      completed: 2,
      completedFromCommitment: 3,
      added: 2,
      removed: 3,
      carriedOver: 5,
      scopeAtEnd: 7,
    });
  });

  it('uses completedAt as the close and ignores events after it', () => {
    const events = [
      added('2024-03-01T10:00:00Z', 'A', 5),
      event('2024-03-18T10:00:00Z', 'A', 'completed'),
    ];
    expect(sprintSummary(sprint, events).completed).toBe(0);
    expect(
      sprintSummary({ ...sprint, completedAt: '2024-03-18T12:00:00Z' }, events).completed,
    ).toBe(5);
    expect(
      sprintSummary({ ...sprint, completedAt: '2024-03-04T12:00:00Z' }, [
        ...events,
        added('2024-03-05T10:00:00Z', 'B', 3),
      ]).added,
    ).toBe(0);
  });

  it('returns null ratios for an empty sprint', () => {
    expect(sprintSummary(sprint, [])).toEqual({
      committed: 0,
      completed: 0,
      completedFromCommitment: 0,
      added: 0,
      removed: 0,
      carriedOver: 0,
      scopeAtEnd: 0,
      sayDoRatio: null,
      completionRate: null,
    });
  });

  it('counts items with unit: count', () => {
    const summary = sprintSummary(
      sprint,
      [
        added('2024-03-01T10:00:00Z', 'A', 5),
        added('2024-03-01T10:00:00Z', 'B', 3),
        added('2024-03-05T10:00:00Z', 'C', 8),
        event('2024-03-06T10:00:00Z', 'A', 'completed'),
      ],
      { unit: 'count' },
    );
    expect(summary).toMatchObject({ committed: 2, completed: 1, added: 1, scopeAtEnd: 3 });
    expect(summary.sayDoRatio).toBeCloseTo(0.5, 12);
  });

  it('does not mutate its inputs and rejects invalid arguments', () => {
    const events = Object.freeze([Object.freeze(added('2024-03-01T10:00:00Z', 'A', 5))]);
    expect(sprintSummary(Object.freeze({ ...sprint }), events).committed).toBe(5);
    expect(() => sprintSummary({ start: sprint.end, end: sprint.start }, [])).toThrow(
      /sprint\.end/,
    );
    expect(() =>
      sprintSummary(sprint, [
        { at: '2024-03-05T10:00:00Z', itemId: 'A', type: 'estimated', points: Number.NaN },
      ]),
    ).toThrow(/events\[0\]\.points/);
  });

  it('reproduces a hand-computed sprint with offsets and an event after the end', () => {
    const summary = sprintSummary(
      { start: '2024-04-01T08:00:00-0700', end: '2024-04-12T17:00:00-0700' },
      [
        added('2024-03-29T10:00:00Z', 'A', 3),
        added('2024-04-01T15:00:00Z', 'B', 5),
        added('2024-04-02T06:30:00Z', 'C', 2),
        { at: '2024-04-03T12:00:00Z', itemId: 'A', type: 'estimated', points: 5 },
        event('2024-04-04T06:59:00Z', 'A', 'completed'),
        event('2024-04-09T20:00:00Z', 'B', 'removed'),
        event('2024-04-13T01:00:00Z', 'C', 'completed'),
      ],
    );
    expect(summary).toMatchObject({
      committed: 8, // A 3 + B 5
      completed: 5, // A at its latest estimate
      completedFromCommitment: 3, // A at its estimate at start
      added: 2,
      removed: 5,
      carriedOver: 2, // C, completed only after the end
      scopeAtEnd: 7,
    });
    expect(summary.sayDoRatio).toBeCloseTo(3 / 8, 12);
    expect(summary.completionRate).toBeCloseTo(5 / 7, 12);
  });
});
