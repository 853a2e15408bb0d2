import { describe, expect, it } from '@jest/globals';
import { defaultPeriodId } from './default-period';

const q3 = { id: 'q3', start: '2026-07-01', end: '2026-09-30' };
const q4 = { id: 'q4', start: '2026-10-01', end: '2026-12-31' };
const year = { id: '2026', start: '2026-01-01', end: '2026-12-31' };
const q1 = { id: 'q1', start: '2027-01-01', end: '2027-03-31' };

describe('defaultPeriodId', () => {
  it('opens the period running today, the most recently started when they overlap', () => {
    expect(defaultPeriodId([q4, q3, year], '2026-11-26')).toBe('q4');
    expect(defaultPeriodId([q4, q3], '2026-12-31')).toBe('q4');
  });

  it('else the next period to start, else the latest', () => {
    expect(defaultPeriodId([q1, q4], '2026-06-01')).toBe('q4');
    expect(defaultPeriodId([q4, q3], '2027-02-01')).toBe('q4');
  });

  it('has nothing to open without periods', () => {
    expect(defaultPeriodId([], '2026-11-26')).toBeNull();
  });
});
