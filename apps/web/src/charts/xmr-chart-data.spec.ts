import { describe, expect, it } from '@jest/globals';
import { NO_TREND, series, shiftedSeries } from '../test-utils/okr-fixtures';
import { currentSegment, signalRows, xmrChartData } from './xmr-chart-data';

describe('xmrChartData', () => {
  it('lines each point up with its moving range, its limits and the signals the API found on it', () => {
    const data = xmrChartData(series(), 'ms', 220);
    expect(
      data?.rows.map((row) => [
        row.value,
        row.movingRange,
        row.valueSignals,
        row.rangeSignal,
        row.segment,
      ]),
    ).toEqual([
      [200, null, [], false, 0],
      [204, 4, [], false, 0],
      [198, 6, [], false, 0],
      [262, 64, ['beyond-limits'], true, 0],
    ]);
    expect(data).toMatchObject({ basis: 'metric', guardrailLimit: 220, unit: 'ms' });
    expect(data && currentSegment(data)).toMatchObject({
      firstTime: Date.parse('2026-11-23T00:00:00.000Z'),
      lastTime: Date.parse('2026-11-26T00:00:00.000Z'),
      mean: 216,
      upperLimit: 279.84,
      lowerLimit: 152.16,
      upperRangeLimit: 78.432,
      shiftInView: null,
    });
    expect(data && signalRows(data).map((row) => row.timestamp)).toEqual([
      '2026-11-26T00:00:00.000Z',
    ]);
  });

  it('gives each segment its rows, and keeps a shift that starts in view', () => {
    const data = xmrChartData(shiftedSeries(), 'ms')!;
    expect(data.rows.map((row) => row.segment)).toEqual([
      ...Array.from({ length: 12 }, () => 0),
      ...Array.from({ length: 12 }, () => 1),
    ]);
    expect(data.segments.map(({ mean, shiftInView }) => [mean, shiftInView?.direction])).toEqual([
      [200, undefined],
      [240, 'up'],
    ]);
    expect(currentSegment(data).firstTime).toBe(Date.parse('2026-11-15T00:00:00.000Z'));
    expect(signalRows(data).map((row) => [row.timestamp, row.valueSignals])).toEqual([
      ['2026-11-22T00:00:00.000Z', ['run-of-eight']],
    ]);
  });

  it('does not claim a shift that began before the rows shown', () => {
    const whole = shiftedSeries();
    // The last ten points only: the shift began two points before them.
    const clipped = {
      ...whole,
      points: whole.points.slice(14),
      xmr: {
        ...whole.xmr!,
        segments: [{ ...whole.xmr!.segments[1]!, first: 0, last: 9 }],
        movingRanges: whole.xmr!.movingRanges.slice(14),
        signals: [{ index: 5, rule: 'run-of-eight' as const }],
      },
    };
    expect(xmrChartData(clipped, 'ms')?.segments[0]?.shiftInView).toBeNull();
  });

  it('has nothing to draw when the API has no chart (fewer than two points)', () => {
    expect(
      xmrChartData({ bucket: 'none', points: [], xmr: null, status: NO_TREND.status }, 'ms'),
    ).toBeNull();
  });
});
