import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { metricPointSchema, multiMetricPointSchema } from '@bearing/contracts';
import { readPointsJson } from './points-json.js';
import { PointsCollector } from './points-reading.js';

async function read(
  json: string,
  { chunk = 5, known, limits = { rows: 1000, problems: 100 } } = {} as {
    chunk?: number;
    known?: string[];
    limits?: { rows: number; problems: number };
  },
) {
  const collector = new PointsCollector(limits, known && new Set(known));
  const chunks = json.match(new RegExp(`[\\s\\S]{1,${chunk}}`, 'g')) ?? [];
  await readPointsJson(
    Readable.from(chunks),
    known ? multiMetricPointSchema : metricPointSchema,
    collector,
  );
  return collector.outcome();
}

describe('readPointsJson', () => {
  it('reads the elements of an array cut anywhere into chunks, strings with brackets and escapes included', async () => {
    const points = [
      { metric: 'a-b', timestamp: '2026-01-01', value: 1 },
      { metric: 'a-b', timestamp: '2026-01-02T00:00:00Z', value: -2.5 },
    ];
    for (const chunk of [1, 3, 1000]) {
      expect(
        await read(` \n${JSON.stringify(points, null, 2)}\n`, { chunk, known: ['a-b'] }),
      ).toEqual({
        outcome: 'read',
        points: points.map((point, index) => ({ where: String(index), ...point })),
      });
    }
    const odd = await read('[{"timestamp": "2026-01-01", "value": 1, "note": "a \\"]},[ \\\\"}]');
    expect(odd).toEqual({
      outcome: 'invalid',
      truncated: false,
      problems: [{ path: '0.note', message: 'is not an allowed field' }],
    });
  });

  it('names each bad element and field, and unknown metrics', async () => {
    const outcome = await read(
      JSON.stringify([
        { metric: 'a', timestamp: '2026-01-01', value: '1' },
        { metric: 'nope', timestamp: '2026-01-01', value: 1 },
        5,
      ]),
      { known: ['a'] },
    );
    expect(outcome).toEqual({
      outcome: 'invalid',
      truncated: false,
      problems: [
        { path: '0.value', message: expect.any(String) },
        { path: '1.metric', message: 'is not a metric of this workspace: "nope"' },
        { path: '2', message: expect.any(String) },
      ],
    });
  });

  it('refuses what is not one array of at least one point', async () => {
    const problemOf = async (json: string) => {
      const outcome = await read(json);
      return outcome.outcome === 'invalid' ? outcome.problems : outcome;
    };
    expect(await problemOf('{"timestamp":"2026-01-01","value":1}')).toEqual([
      { path: '', message: 'must be a JSON array of points' },
    ]);
    expect(await problemOf('')).toEqual([{ path: '', message: 'must be a JSON array of points' }]);
    expect(await problemOf(' [ ] ')).toEqual([
      { path: '', message: 'must hold at least one point' },
    ]);
    expect(await problemOf('[{"timestamp":"2026-01-01","value":1}')).toEqual([
      { path: '', message: 'is not valid JSON (it ends in the middle of the array)' },
    ]);
    expect(await problemOf('[{"timestamp":"2026-01-01","value":1}] x')).toEqual([
      { path: '', message: 'is not valid JSON (more follows the array)' },
    ]);
    expect(await problemOf('[{"timestamp":"2026-01-01","value":1},]')).toEqual([
      { path: '1', message: expect.stringMatching(/^is not valid JSON/) },
    ]);
  });

  it('stops at the row after the cap, or at the problem after the last listed', async () => {
    const points = (count: number, value: unknown) =>
      JSON.stringify(Array.from({ length: count }, () => ({ timestamp: '2026-01-01', value })));
    const limits = { rows: 4, problems: 2 };
    expect(await read(points(4, 1), { limits })).toMatchObject({ outcome: 'read' });
    expect(await read(points(5, 1), { limits })).toEqual({ outcome: 'too-many-rows', limit: 4 });
    expect(await read(points(3, 'x'), { limits })).toEqual({
      outcome: 'invalid',
      truncated: true,
      problems: [
        { path: '0.value', message: expect.any(String) },
        { path: '1.value', message: expect.any(String) },
      ],
    });
  });
});
