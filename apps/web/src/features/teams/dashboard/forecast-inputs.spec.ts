import { describe, expect, it } from '@jest/globals';
import { daysBetween, howManyDays, todayIn } from './forecast-inputs';

describe('forecast inputs', () => {
  it('takes today in the team’s time zone', () => {
    const now = new Date('2026-11-26T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-26');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-11-27');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-26');
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(daysBetween('2026-10-20', '2026-11-10')).toBe(21);
    expect(daysBetween('2026-11-10', '2026-11-09')).toBe(-1);
  });

  it('asks for the days until a later date and names what is wrong otherwise', () => {
    expect(howManyDays('2026-11-26', '2026-12-10')).toEqual({ days: 14 });
    expect(howManyDays('2026-11-26', '2026-11-26')).toEqual({ error: 'Choose a date after today' });
    expect(howManyDays('2026-11-26', '')).toEqual({ error: 'Enter a date' });
    expect(howManyDays('2026-11-26', '2040-01-01')).toEqual({
      error: 'Choose a date within ten years',
    });
  });
});
