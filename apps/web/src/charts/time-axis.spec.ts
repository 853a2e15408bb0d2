import { describe, expect, it } from '@jest/globals';
import { timeTicks } from './time-axis';

const day = (text: string) => Date.parse(`${text}T00:00:00.000Z`);
const days = (ticks: number[] | undefined) =>
  ticks?.map((tick) => new Date(tick).toISOString().slice(0, 10));

describe('timeTicks', () => {
  it('ticks every day over a week', () => {
    expect(days(timeTicks(day('2026-11-20'), day('2026-11-26')))).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });

  it('ticks every two weeks over a quarter, at most eight times', () => {
    const ticks = days(timeTicks(day('2026-10-01'), day('2026-12-31')));
    expect(ticks?.[0]).toBe('2026-10-01');
    expect(ticks?.[1]).toBe('2026-10-15');
    expect(ticks?.length).toBeLessThanOrEqual(8);
  });

  it('ticks at month starts over years', () => {
    const ticks = days(timeTicks(day('2025-01-10'), day('2026-12-20')));
    expect(ticks?.every((tick) => tick.endsWith('-01'))).toBe(true);
    expect(ticks?.length).toBeLessThanOrEqual(8);
  });

  it('leaves short spans to the chart', () => {
    expect(timeTicks(day('2026-11-26'), day('2026-11-26') + 3_600_000)).toBeUndefined();
  });
});
