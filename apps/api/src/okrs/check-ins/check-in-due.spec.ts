import { describe, expect, it } from '@jest/globals';
import { addCadence, checkInDue } from './check-in-due.js';

describe('check-in cadence', () => {
  it('moves on by 7 or 14 days, or by calendar months clamped to the month end', () => {
    expect(addCadence('2026-01-05', 'weekly', 1)).toBe('2026-01-12');
    expect(addCadence('2026-01-05', 'biweekly', 2)).toBe('2026-02-02');
    expect(addCadence('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(addCadence('2024-01-31', 'monthly', 1)).toBe('2024-02-29');
    expect(addCadence('2026-01-31', 'monthly', 2)).toBe('2026-03-31');
    expect(addCadence('2026-11-15', 'monthly', 2)).toBe('2027-01-15');
  });

  it('is due after one interval and overdue after two', () => {
    expect(checkInDue('2026-01-05', 'weekly', '2026-01-11')).toBeNull();
    expect(checkInDue('2026-01-05', 'weekly', '2026-01-12')).toBe('due');
    expect(checkInDue('2026-01-05', 'weekly', '2026-01-18')).toBe('due');
    expect(checkInDue('2026-01-05', 'weekly', '2026-01-19')).toBe('overdue');
    expect(checkInDue('2026-01-31', 'monthly', '2026-02-27')).toBeNull();
    expect(checkInDue('2026-01-31', 'monthly', '2026-02-28')).toBe('due');
    expect(checkInDue('2026-01-31', 'monthly', '2026-03-31')).toBe('overdue');
  });
});
