import { describe, expect, it } from '@jest/globals';
import { parsePointsCsv } from './points-csv.js';

describe('parsePointsCsv', () => {
  it('reads points with their line numbers, skipping blank lines', () => {
    expect(
      parsePointsCsv('timestamp,value\n\n2026-01-01,1\r\n"2026-01-02T10:00:00+02:00",-1.5e2\n', [
        'timestamp',
        'value',
      ]),
    ).toEqual({
      rows: [
        { line: 3, metric: undefined, timestamp: '2026-01-01', value: 1 },
        { line: 4, metric: undefined, timestamp: '2026-01-02T10:00:00+02:00', value: -150 },
      ],
      errors: [],
    });
  });

  it('reports every bad line with its column and why, in line order', () => {
    const { rows, errors } = parsePointsCsv(
      'metric,timestamp,value\nok,2026-01-01,NaN\n,2026-01-02,1\nok,2026-01-03,Infinity\nok,2026-01-04,1 000\nok,2026-01-05,0x10\n',
      ['metric', 'timestamp', 'value'],
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { path: 'line.2.value', message: 'is not a number: "NaN"' },
      { path: 'line.3.metric', message: 'is empty' },
      { path: 'line.4.value', message: 'is not a number: "Infinity"' },
      { path: 'line.5.value', message: 'is not a number: "1 000"' },
      { path: 'line.6.value', message: 'is not a number: "0x10"' },
    ]);
  });

  it('wants exactly the expected columns in the header', () => {
    for (const header of ['timestamp', 'timestamp,value,extra', 'timestamp,timestamp']) {
      expect(parsePointsCsv(`${header}\n`, ['timestamp', 'value']).errors).toEqual([
        { path: 'line.1', message: 'must be the header timestamp,value' },
      ]);
    }
  });

  it('clips long bad fields in messages', () => {
    const { errors } = parsePointsCsv(
      `timestamp,value\n2026-01-01,${'9'.repeat(30)}x${'9'.repeat(30)}\n`,
      ['timestamp', 'value'],
    );
    expect(errors[0]?.message).toBe(`is not a number: "${'9'.repeat(30)}x${'9'.repeat(9)}…"`);
  });
});
