import { describe, expect, it } from '@jest/globals';
import { series } from '../test-utils/okr-fixtures';
import { signalRows, xmrChartData } from './xmr-chart-data';

describe('xmrChartData', () => {
  it('lines each point up with its moving range and the signals the API found on it', () => {
    const data = xmrChartData(series(), 'ms', 220);
    expect(
      data?.rows.map((row) => [row.value, row.movingRange, row.valueSignals, row.rangeSignal]),
    ).toEqual([
      [200, null, [], false],
      [204, 4, [], false],
      [198, 6, [], false],
      [262, 64, ['beyond-limits'], true],
    ]);
    expect(data).toMatchObject({
      mean: 216,
      upperLimit: 279.84,
      lowerLimit: 152.16,
      upperRangeLimit: 78.432,
      guardrailLimit: 220,
      unit: 'ms',
    });
    expect(data && signalRows(data).map((row) => row.timestamp)).toEqual([
      '2026-11-26T00:00:00.000Z',
    ]);
  });

  it('has nothing to draw when the API has no analysis (fewer than two points)', () => {
    expect(xmrChartData({ bucket: 'none', points: [], xmr: null }, 'ms')).toBeNull();
  });
});
