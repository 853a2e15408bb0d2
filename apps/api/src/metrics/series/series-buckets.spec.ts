import { describe, expect, it } from '@jest/globals';
import { bucketNumber, bucketPoints, bucketStart, chooseBucket } from './series-buckets.js';

const at = (iso: string) => Date.parse(iso);
const points = (isos: string[]) =>
  isos.map((iso, index) => ({ timestamp: new Date(iso), value: index }));

describe('series buckets', () => {
  it('numbers consecutive UTC calendar buckets consecutively', () => {
    // 2026-01-05 is a Monday: Sunday 01-04 is in the week before.
    expect(bucketNumber(at('2026-01-05T00:00:00Z'), 'week')).toBe(
      bucketNumber(at('2026-01-04T23:59:59Z'), 'week') + 1,
    );
    expect(bucketNumber(at('2026-01-11T23:59:59Z'), 'week')).toBe(
      bucketNumber(at('2026-01-05T00:00:00Z'), 'week'),
    );
    expect(bucketNumber(at('2026-03-31T23:00:00Z'), 'quarter')).toBe(
      bucketNumber(at('2026-01-01T00:00:00Z'), 'quarter'),
    );
    expect(bucketNumber(at('2027-01-01T00:00:00Z'), 'month')).toBe(
      bucketNumber(at('2026-12-31T23:59:59Z'), 'month') + 1,
    );
  });

  it('starts each bucket at its first moment: Mondays, month and quarter starts', () => {
    const start = (iso: string, unit: Parameters<typeof bucketNumber>[1]) =>
      bucketStart(bucketNumber(at(iso), unit), unit).toISOString();
    expect(start('2026-01-07T15:00:00Z', 'week')).toBe('2026-01-05T00:00:00.000Z');
    expect(start('1969-12-31T15:00:00Z', 'week')).toBe('1969-12-29T00:00:00.000Z');
    expect(start('2026-05-17T15:30:00Z', 'hour')).toBe('2026-05-17T15:00:00.000Z');
    expect(start('2026-05-17T15:30:00Z', 'month')).toBe('2026-05-01T00:00:00.000Z');
    expect(start('2026-05-17T15:30:00Z', 'quarter')).toBe('2026-04-01T00:00:00.000Z');
    expect(start('2026-05-17T15:30:00Z', 'year')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('buckets only past the maximum, with the finest unit that fits', () => {
    const three = points(['2026-01-01T00:00:00Z', '2026-01-01T05:00:00Z', '2026-03-01T00:00:00Z']);
    expect(chooseBucket(three, 3)).toBe('none');
    expect(chooseBucket([], 3)).toBe('none');
    // January 1 to March 1 spans 60 days, 9 weeks, 3 months: only one quarter fits in 2.
    expect(chooseBucket(three, 2)).toBe('quarter');
    const days = points(['2026-01-01T00:00:00Z', '2026-01-01T12:00:00Z', '2026-01-02T23:00:00Z']);
    expect(chooseBucket(days, 2)).toBe('day');
  });

  it('averages the values of each bucket with the mean, keeping their count', () => {
    const bucketed = bucketPoints(
      [
        { timestamp: new Date('2026-01-05T01:00:00Z'), value: 1 },
        { timestamp: new Date('2026-01-05T02:00:00Z'), value: 2 },
        { timestamp: new Date('2026-01-07T02:00:00Z'), value: 6 },
      ],
      'day',
    );
    expect(bucketed).toEqual([
      { timestamp: '2026-01-05T00:00:00.000Z', value: 1.5, count: 2 },
      { timestamp: '2026-01-07T00:00:00.000Z', value: 6, count: 1 },
    ]);
  });
});
