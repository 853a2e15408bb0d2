import { describe, expect, it } from '@jest/globals';
import { workflow, workItem } from '../../test/flow-fixtures.js';
import { cycleTime } from '../index.js';

describe('cycleTime', () => {
  const item = workItem('C-1', '2024-01-01T09:00:00Z', 'To Do', [
    ['2024-01-03T10:00:00Z', 'In Progress'],
    ['2024-01-08T16:00:00Z', 'Done'],
  ]);

  it('counts days from the committed day to the done day (jira-agile-metrics)', () => {
    expect(cycleTime(item, workflow)).toBe(5);
  });

  it('adds one day when inclusive (ActionableAgile)', () => {
    expect(cycleTime(item, workflow, { inclusive: true })).toBe(6);
  });

  it('is 0, or 1 inclusive, for an item started and finished the same day', () => {
    const sameDay = workItem('C-2', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
      ['2024-01-02T17:00:00Z', 'Done'],
    ]);
    expect(cycleTime(sameDay, workflow)).toBe(0);
    expect(cycleTime(sameDay, workflow, { inclusive: true })).toBe(1);
  });

  it('uses the next stage entered when the committed stage was skipped', () => {
    const skipped = workItem('C-3', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-04T09:00:00Z', 'In Review'],
      ['2024-01-06T09:00:00Z', 'Done'],
    ]);
    expect(cycleTime(skipped, workflow)).toBe(2);
  });

  it('is null when the item was never committed or is not done', () => {
    const neverCommitted = workItem('C-4', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'Ready'],
    ]);
    const inProgress = workItem('C-5', '2024-01-01T09:00:00Z', 'To Do', [
      ['2024-01-02T09:00:00Z', 'In Progress'],
    ]);
    expect(cycleTime(neverCommitted, workflow)).toBeNull();
    expect(cycleTime(inProgress, workflow)).toBeNull();
  });

  it('counts days in the timeZone option', () => {
    const lateNight = workItem('C-6', '2024-06-01T09:00:00Z', 'To Do', [
      ['2024-06-03T22:30:00Z', 'In Progress'], // 2024-06-04 00:30 in Berlin (UTC+2)
      ['2024-06-05T21:30:00Z', 'Done'], // 2024-06-05 23:30 in Berlin
    ]);
    expect(cycleTime(lateNight, workflow)).toBe(2);
    expect(cycleTime(lateNight, workflow, { timeZone: 'Europe/Berlin' })).toBe(1);
  });
});
