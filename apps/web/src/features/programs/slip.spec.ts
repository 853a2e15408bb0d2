import { describe, expect, it } from '@jest/globals';
import { describeMove, describeSlip, formatDuration } from './slip';

describe('formatDuration', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [6, '6 days'],
    [7, '1 week'],
    [21, '3 weeks'],
    [23, '3 weeks 2 days'],
    [-15, '2 weeks 1 day'],
  ])('%i days → %s', (days, text) => {
    expect(formatDuration(days)).toBe(text);
  });
});

describe('describeSlip', () => {
  it('says a late milestone in weeks against the original plan', () => {
    expect(describeSlip(21)).toBe('3 weeks late against the original plan');
  });
  it('says an early one as early', () => {
    expect(describeSlip(-2)).toBe('2 days early against the original plan');
  });
  it('says an unmoved one is on the plan', () => {
    expect(describeSlip(0)).toBe('On the original plan');
  });
});

describe('describeMove', () => {
  it('signs a move later with + and earlier with −', () => {
    expect(describeMove('2026-03-02', '2026-03-16')).toBe('+2 weeks');
    expect(describeMove('2026-03-16', '2026-03-13')).toBe('−3 days');
    expect(describeMove('2026-03-16', '2026-03-16')).toBe('no change');
  });
});
