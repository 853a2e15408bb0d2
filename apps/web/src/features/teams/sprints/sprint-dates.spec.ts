import { describe, expect, it } from '@jest/globals';
import { formatDay } from '../../../components/format';
import { dayOfInstant, endOfDayIn, formatSprintDays, startOfDayIn } from './sprint-dates';

describe('sprint days in the team’s time zone', () => {
  it('reads the day an instant falls on where the team works', () => {
    expect(dayOfInstant('2026-11-29T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-30');
    expect(dayOfInstant('2026-11-29T23:30:00.000Z', 'UTC')).toBe('2026-11-29');
    expect(dayOfInstant('2026-11-30T07:59:59.999Z', 'America/Los_Angeles')).toBe('2026-11-29');
  });

  it('starts a day at its midnight and ends it a millisecond before the next', () => {
    expect(startOfDayIn('2026-11-30', 'Europe/Berlin')).toBe('2026-11-29T23:00:00.000Z');
    expect(endOfDayIn('2026-11-30', 'Europe/Berlin')).toBe('2026-11-30T22:59:59.999Z');
    expect(startOfDayIn('2026-11-30', 'Asia/Kolkata')).toBe('2026-11-29T18:30:00.000Z');
    expect(startOfDayIn('2026-11-30', 'UTC')).toBe('2026-11-30T00:00:00.000Z');
  });

  it('keeps the day across clock changes, and where midnight is skipped', () => {
    const days: [string, string][] = [
      ['2026-03-29', 'Europe/Berlin'],
      ['2026-10-25', 'Europe/Berlin'],
      ['2026-03-08', 'America/Los_Angeles'],
      ['2026-11-01', 'America/Los_Angeles'],
      ['2026-09-06', 'America/Santiago'],
      ['2026-11-30', 'Pacific/Kiritimati'],
      ['2026-11-30', 'Pacific/Pago_Pago'],
    ];
    for (const [day, timeZone] of days) {
      const start = startOfDayIn(day, timeZone);
      const end = endOfDayIn(day, timeZone);
      expect([dayOfInstant(start, timeZone), dayOfInstant(end, timeZone)]).toEqual([day, day]);
      expect(dayOfInstant(new Date(Date.parse(start) - 1).toISOString(), timeZone) < day).toBe(
        true,
      );
      expect(dayOfInstant(new Date(Date.parse(end) + 1).toISOString(), timeZone) > day).toBe(true);
    }
    // A 23-hour day when clocks go forward.
    expect(
      Date.parse(endOfDayIn('2026-03-29', 'Europe/Berlin')) -
        Date.parse(startOfDayIn('2026-03-29', 'Europe/Berlin')),
    ).toBe(23 * 3_600_000 - 1);
  });

  it('writes a sprint’s dates as the app writes days', () => {
    const sprint = { start: '2026-11-29T23:00:00.000Z', end: '2026-12-13T22:59:59.999Z' };
    expect(formatSprintDays(sprint, 'Europe/Berlin')).toBe(
      `${formatDay('2026-11-30')} – ${formatDay('2026-12-13')}`,
    );
    expect(formatSprintDays({ start: null, end: null }, 'UTC')).toBe('No dates yet');
  });
});
