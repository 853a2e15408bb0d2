import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { readPointsCsv, type CsvColumns } from './points-csv.js';
import { PointsCollector, type PointsReadLimits } from './points-reading.js';

const LIMITS: PointsReadLimits = { rows: 1000, problems: 100 };

async function read(csv: string, columns: CsvColumns, limits = LIMITS) {
  const collector = new PointsCollector(limits);
  // Several small chunks, so records and quoted fields cross chunk boundaries.
  const chunks = csv.match(/[\s\S]{1,7}/g) ?? [];
  await readPointsCsv(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), columns, collector);
  return collector.outcome();
}

describe('readPointsCsv', () => {
  it('reads points with their line numbers, skipping blank lines', async () => {
    expect(
      await read('timestamp,value\n\n2026-01-01,1\r\n"2026-01-02T10:00:00+02:00",-1.5e2\n', [
        'timestamp',
        'value',
      ]),
    ).toEqual({
      outcome: 'read',
      points: [
        { where: 'line.3', metric: undefined, timestamp: '2026-01-01', value: 1 },
        {
          where: 'line.4',
          metric: undefined,
          timestamp: '2026-01-02T10:00:00+02:00',
          value: -150,
        },
      ],
    });
  });

  it('reports every bad line with its column and why, in line order', async () => {
    expect(
      await read(
        'metric,timestamp,value\nok,2026-01-01,NaN\n,2026-01-02,1\nok,2026-01-03,Infinity\nok,2026-01-04,1 000\nok,2026-01-05,0x10\nok,2026-01-06,x"y\nok,2026-01-07,7\n',
        ['metric', 'timestamp', 'value'],
      ),
    ).toEqual({
      outcome: 'invalid',
      truncated: false,
      problems: [
        { path: 'line.2.value', message: 'is not a number: "NaN"' },
        { path: 'line.3.metric', message: 'is empty' },
        { path: 'line.4.value', message: 'is not a number: "Infinity"' },
        { path: 'line.5.value', message: 'is not a number: "1 000"' },
        { path: 'line.6.value', message: 'is not a number: "0x10"' },
        { path: 'line.7', message: expect.stringMatching(/^is not valid CSV/) },
      ],
    });
  });

  it('wants exactly the expected columns in the header, and a point after it', async () => {
    for (const header of ['timestamp', 'timestamp,value,extra', 'timestamp,timestamp', '']) {
      expect(await read(`${header}\n2026-01-01,1\n`, ['timestamp', 'value'])).toEqual({
        outcome: 'invalid',
        truncated: false,
        problems: [
          {
            path: header === '' ? 'line.2' : 'line.1',
            message: 'must be the header timestamp,value',
          },
        ],
      });
    }
    expect(await read('timestamp,value\n\n', ['timestamp', 'value'])).toEqual({
      outcome: 'invalid',
      truncated: false,
      problems: [{ path: 'line.2', message: 'has no points after the header' }],
    });
  });

  it('clips long bad fields in messages', async () => {
    const outcome = await read(
      `timestamp,value\n2026-01-01,${'9'.repeat(30)}x${'9'.repeat(30)}\n`,
      ['timestamp', 'value'],
    );
    expect(outcome.outcome === 'invalid' && outcome.problems[0]?.message).toBe(
      `is not a number: "${'9'.repeat(30)}x${'9'.repeat(9)}…"`,
    );
  });

  it('stops at the first cap reached: the row after the last allowed, or the problem after the last listed', async () => {
    const lines = (count: number, line: (index: number) => string) =>
      Array.from({ length: count }, (_, index) => line(index)).join('\n');
    const limits = { rows: 5, problems: 3 };
    const good = (index: number) => `2026-01-${String(index + 1).padStart(2, '0')},1`;
    expect(
      await read(`timestamp,value\n${lines(5, good)}\n`, ['timestamp', 'value'], limits),
    ).toEqual(expect.objectContaining({ outcome: 'read' }));
    expect(
      await read(`timestamp,value\n${lines(6, good)}\n`, ['timestamp', 'value'], limits),
    ).toEqual({
      outcome: 'too-many-rows',
      limit: 5,
    });
    const bad = await read(
      `timestamp,value\n${lines(6, () => 'x,1')}\n`,
      ['timestamp', 'value'],
      limits,
    );
    expect(bad).toEqual({
      outcome: 'invalid',
      truncated: true,
      problems: ['line.2.timestamp', 'line.3.timestamp', 'line.4.timestamp'].map((path) => ({
        path,
        message: 'is not an ISO-8601 timestamp with an offset or a date YYYY-MM-DD: "x"',
      })),
    });
    // Three problems exactly: listed in full, not truncated.
    const three = await read(
      `timestamp,value\n${lines(3, () => 'x,1')}\n`,
      ['timestamp', 'value'],
      limits,
    );
    expect(three).toEqual(expect.objectContaining({ outcome: 'invalid', truncated: false }));
  });
});
