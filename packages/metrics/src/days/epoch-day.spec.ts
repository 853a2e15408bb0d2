import { describe, expect, it } from '@jest/globals';
import { dayToEpochDay, epochMsToEpochDay, instantToDay, instantToEpochMs } from '../index.js';

describe('epochMsToEpochDay', () => {
  it('is the epoch-day form of instantToDay, near midnight, in any zone', () => {
    const cases: [string, string][] = [
      ['2024-03-01T23:30:00Z', 'UTC'],
      ['2024-03-01T23:30:00Z', 'Europe/Berlin'],
      ['2015-11-22T03:03:02Z', 'America/New_York'],
      ['2024-03-10T06:59:59Z', 'America/Los_Angeles'], // just before the DST change
      ['1969-12-31T23:59:59Z', 'UTC'], // before the epoch
    ];
    for (const [instant, zone] of cases) {
      expect(epochMsToEpochDay(instantToEpochMs(instant), zone)).toBe(
        dayToEpochDay(instantToDay(instant, zone)),
      );
    }
  });

  it('defaults to UTC', () => {
    expect(epochMsToEpochDay(Date.UTC(2024, 2, 2, 0, 0, 0))).toBe(dayToEpochDay('2024-03-02'));
    expect(epochMsToEpochDay(Date.UTC(2024, 2, 1, 23, 59, 59, 999))).toBe(
      dayToEpochDay('2024-03-01'),
    );
  });
});
