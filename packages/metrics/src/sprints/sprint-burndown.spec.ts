import { describe, expect, it } from '@jest/globals';
import { eachDay, type SprintEvent, sprintBurndown, type SprintWindow } from '../index.js';

// Monday 2024-03-04 09:00 … Friday 2024-03-15 17:00 UTC: ten working days over two weeks.
const twoWeeks: SprintWindow = { start: '2024-03-04T09:00:00Z', end: '2024-03-15T17:00:00Z' };

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

describe('sprintBurndown', () => {
  it('burns a one-week sprint down against the guideline (doc example)', () => {
    const burndown = sprintBurndown(
      { start: '2024-03-04T09:00:00Z', end: '2024-03-08T17:00:00Z' },
      [added('2024-03-01T10:00:00Z', 'A', 5), event('2024-03-06T15:00:00Z', 'A', 'completed')],
    );
    expect(burndown.committed).toBe(5);
    expect(burndown.days).toEqual([
      { day: '2024-03-04', remaining: 5, ideal: 4, added: 0, removed: 0, completed: 0 },
      { day: '2024-03-05', remaining: 5, ideal: 3, added: 0, removed: 0, completed: 0 },
      { day: '2024-03-06', remaining: 0, ideal: 2, added: 0, removed: 0, completed: 5 },
      { day: '2024-03-07', remaining: 0, ideal: 1, added: 0, removed: 0, completed: 0 },
      { day: '2024-03-08', remaining: 0, ideal: 0, added: 0, removed: 0, completed: 0 },
    ]);
  });

  it('keeps the guideline flat on weekends and holidays and reaches 0 on the last working day', () => {
    // Ends on Sunday 2024-03-17; Monday 2024-03-11 is a team holiday: 9 working days.
    const { days } = sprintBurndown(
      { start: '2024-03-04T09:00:00Z', end: '2024-03-17T17:00:00Z' },
      [added('2024-03-04T08:00:00Z', 'A', 9)],
      { calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-11'] } },
    );
    expect(days.map((d) => d.day)).toHaveLength(14);
    expect(days.map((d) => d.ideal)).toEqual([8, 7, 6, 5, 4, 4, 4, 4, 3, 2, 1, 0, 0, 0]);
  });

  it('counts an item added exactly at start as committed, and one added later that day as added', () => {
    const burndown = sprintBurndown(twoWeeks, [
      added('2024-03-04T09:00:00Z', 'A', 3),
      added('2024-03-04T09:00:01Z', 'B', 2),
    ]);
    expect(burndown.committed).toBe(3);
    expect(burndown.days[0]).toMatchObject({ remaining: 5, added: 2 });
  });

  it('shows scope added, removed and re-estimated mid-sprint', () => {
    const { committed, days } = sprintBurndown(twoWeeks, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 3),
      added('2024-03-05T10:00:00Z', 'C', 8),
      { at: '2024-03-06T10:00:00Z', itemId: 'A', type: 'estimated', points: 8 },
      event('2024-03-07T10:00:00Z', 'B', 'removed'),
      event('2024-03-08T10:00:00Z', 'A', 'completed'),
    ]);
    expect(committed).toBe(8);
    expect(days.slice(0, 5).map(({ day: _day, ideal: _ideal, ...rest }) => rest)).toEqual([
      { remaining: 8, added: 0, removed: 0, completed: 0 },
      { remaining: 16, added: 8, removed: 0, completed: 0 },
      { remaining: 19, added: 0, removed: 0, completed: 0 }, // A re-estimated 5 → 8
      { remaining: 16, added: 0, removed: 3, completed: 0 },
      { remaining: 8, added: 0, removed: 0, completed: 8 }, // at its latest estimate
    ]);
  });

  it('puts reopened work back into remaining and nets it against the day’s completions', () => {
    const { days } = sprintBurndown(twoWeeks, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 2),
      event('2024-03-05T10:00:00Z', 'A', 'completed'),
      event('2024-03-05T11:00:00Z', 'A', 'completed'), // already completed: ignored
      event('2024-03-06T10:00:00Z', 'A', 'reopened'),
      event('2024-03-07T10:00:00Z', 'B', 'completed'),
      event('2024-03-07T11:00:00Z', 'B', 'reopened'),
      event('2024-03-07T12:00:00Z', 'B', 'completed'),
    ]);
    expect(days.slice(1, 4).map((d) => [d.remaining, d.completed])).toEqual([
      [2, 5],
      [7, -5],
      [5, 2],
    ]);
  });

  it('ignores events on items that are not in scope', () => {
    const { days } = sprintBurndown(twoWeeks, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      event('2024-03-05T10:00:00Z', 'X', 'completed'),
      event('2024-03-05T10:00:00Z', 'X', 'removed'),
      { at: '2024-03-05T10:00:00Z', itemId: 'X', type: 'estimated', points: 3 },
      added('2024-03-05T11:00:00Z', 'A', 13), // already in scope: ignored
    ]);
    expect(days[1]).toMatchObject({ remaining: 5, added: 0, removed: 0, completed: 0 });
  });

  it('keeps the completion state of an item removed and added back', () => {
    const { days } = sprintBurndown(twoWeeks, [
      added('2024-03-01T10:00:00Z', 'A', 5),
      added('2024-03-01T10:00:00Z', 'B', 3),
      event('2024-03-05T10:00:00Z', 'A', 'completed'),
      event('2024-03-06T10:00:00Z', 'A', 'removed'),
      event('2024-03-06T10:00:00Z', 'B', 'removed'),
      event('2024-03-06T11:00:00Z', 'B', 'completed'), // out of scope: ignored
      added('2024-03-07T10:00:00Z', 'A', 5),
      added('2024-03-07T10:00:00Z', 'B', 2),
    ]);
    expect(days.slice(1, 4).map(({ day: _day, ideal: _ideal, ...rest }) => rest)).toEqual([
      { remaining: 3, added: 0, removed: 0, completed: 5 },
      { remaining: 0, added: 0, removed: 8, completed: 0 },
      { remaining: 2, added: 7, removed: 0, completed: 0 },
    ]);
  });

  it('runs to completedAt’s day when the sprint closed late, and ignores events after closing', () => {
    const { days } = sprintBurndown(
      {
        start: '2024-03-04T09:00:00Z',
        end: '2024-03-08T17:00:00Z',
        completedAt: '2024-03-12T10:00:00Z',
      },
      [
        added('2024-03-01T10:00:00Z', 'A', 5),
        event('2024-03-11T10:00:00Z', 'A', 'completed'),
        added('2024-03-12T10:00:01Z', 'B', 3),
      ],
    );
    expect(days.map((d) => d.day)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
      '2024-03-11',
      '2024-03-12',
    ]);
    expect(days.map((d) => d.ideal)).toEqual([4, 3, 2, 1, 0, 0, 0, 0, 0]);
    expect(days.at(-2)).toMatchObject({ remaining: 0, completed: 5 });
    expect(days.at(-1)).toMatchObject({ remaining: 0, added: 0 });
  });

  it('keeps every day to the planned end when the sprint closed early, frozen after closing', () => {
    const { days } = sprintBurndown(
      {
        start: '2024-03-04T09:00:00Z',
        end: '2024-03-08T17:00:00Z',
        completedAt: '2024-03-06T12:00:00Z',
      },
      [added('2024-03-01T10:00:00Z', 'A', 5), event('2024-03-07T10:00:00Z', 'A', 'completed')],
    );
    expect(days).toHaveLength(5);
    expect(days.map((d) => d.remaining)).toEqual([5, 5, 5, 5, 5]);
  });

  it('counts items with unit: count', () => {
    const burndown = sprintBurndown(
      twoWeeks,
      [
        added('2024-03-01T10:00:00Z', 'A', 5),
        added('2024-03-01T10:00:00Z', 'B', 0),
        added('2024-03-05T10:00:00Z', 'C', 8),
        { at: '2024-03-05T10:00:00Z', itemId: 'A', type: 'estimated', points: 13 },
        event('2024-03-06T10:00:00Z', 'A', 'completed'),
      ],
      { unit: 'count' },
    );
    expect(burndown.committed).toBe(2);
    expect(burndown.days.slice(0, 3).map((d) => [d.remaining, d.added, d.completed])).toEqual([
      [2, 0, 0],
      [3, 1, 0],
      [2, 0, 1],
    ]);
    expect(burndown.days[0]!.ideal).toBeCloseTo(1.8);
  });

  it('buckets instants near midnight into days of the given time zone', () => {
    // 23:30 UTC on Sunday is 00:30 on Monday in Berlin (UTC+1 in March before DST).
    const sprint = { start: '2024-03-03T23:30:00Z', end: '2024-03-08T16:00:00Z' };
    const events = [
      added('2024-03-03T23:00:00Z', 'A', 5),
      event('2024-03-05T23:30:00Z', 'A', 'completed'),
    ];
    const berlin = sprintBurndown(sprint, events, { timeZone: 'Europe/Berlin' });
    expect(berlin.days.map((d) => d.day)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
      '2024-03-08',
    ]);
    expect(berlin.days.map((d) => d.completed)).toEqual([0, 0, 5, 0, 0]);
    const utc = sprintBurndown(sprint, events);
    expect(utc.days[0]!.day).toBe('2024-03-03');
    expect(utc.days.map((d) => d.completed)).toEqual([0, 0, 5, 0, 0, 0]);
  });

  it('keeps the guideline at committed when the sprint has no working day', () => {
    const { days } = sprintBurndown(
      { start: '2024-03-09T09:00:00Z', end: '2024-03-10T17:00:00Z' },
      [added('2024-03-09T08:00:00Z', 'A', 3)],
    );
    expect(days.map((d) => d.ideal)).toEqual([3, 3]);
  });

  it('does not mutate its inputs', () => {
    const events = Object.freeze([
      Object.freeze(added('2024-03-05T10:00:00Z', 'B', 2)),
      Object.freeze(added('2024-03-01T10:00:00Z', 'A', 5)),
    ]);
    const sprint = Object.freeze({ ...twoWeeks });
    expect(() => sprintBurndown(sprint, events)).not.toThrow();
    expect(events[0]!.itemId).toBe('B');
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => sprintBurndown({ start: twoWeeks.end, end: twoWeeks.start }, [])).toThrow(
      /sprint\.end/,
    );
    expect(() => sprintBurndown({ ...twoWeeks, completedAt: '2024-03-01T00:00:00Z' }, [])).toThrow(
      /sprint\.completedAt/,
    );
    expect(() => sprintBurndown(twoWeeks, [added('2024-03-05T10:00:00Z', 'A', -1)])).toThrow(
      /events\[0\]\.points/,
    );
    expect(() => sprintBurndown(twoWeeks, [added('not a time', 'A', 1)])).toThrow(
      /events\[0\]\.at/,
    );
    expect(() => sprintBurndown(twoWeeks, [], { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => sprintBurndown(twoWeeks, [], { unit: 'hours' as unknown as 'points' })).toThrow(
      /unit/,
    );
    expect(() =>
      sprintBurndown(twoWeeks, [
        { at: '2024-03-05T10:00:00Z', itemId: 'A', type: 'moved' } as unknown as SprintEvent,
      ]),
    ).toThrow(/events\[0\]\.type/);
  });

  it('reproduces a hand-computed sprint in Los Angeles with a holiday', () => {
    // Mon 2024-04-01 08:00 PDT … Fri 2024-04-12 17:00 PDT; Friday 04-05 is a holiday, so
    // W = 9 working days and the guideline steps down by 8 / 9 on each of them.
    const { committed, days } = sprintBurndown(
      { start: '2024-04-01T08:00:00-0700', end: '2024-04-12T17:00:00-0700' },
      [
        added('2024-03-29T10:00:00Z', 'A', 3),
        added('2024-04-01T15:00:00Z', 'B', 5), // exactly at start: committed
        added('2024-04-02T06:30:00Z', 'C', 2), // 23:30 on Monday in Los Angeles
        { at: '2024-04-03T12:00:00Z', itemId: 'A', type: 'estimated', points: 5 },
        event('2024-04-04T06:59:00Z', 'A', 'completed'), // 23:59 on Wednesday
        event('2024-04-09T20:00:00Z', 'B', 'removed'),
        event('2024-04-13T01:00:00Z', 'C', 'completed'), // after the end: ignored
      ],
      {
        timeZone: 'America/Los_Angeles',
        calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-04-05'] },
      },
    );
    expect(committed).toBe(8);
    expect(days.map((d) => d.day)).toEqual(eachDay('2024-04-01', '2024-04-12'));
    expect(days.map((d) => d.remaining)).toEqual([10, 10, 7, 7, 7, 7, 7, 7, 2, 2, 2, 2]);
    expect(days.map((d) => [d.added, d.removed, d.completed])).toEqual([
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 5], // at A's latest estimate
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 5, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const workingDaysSoFar = [1, 2, 3, 4, 4, 4, 4, 5, 6, 7, 8, 9];
    days.forEach((day, index) => {
      expect(day.ideal).toBeCloseTo(8 * (1 - (workingDaysSoFar[index] as number) / 9), 10);
    });
  });
});
