import { describe, expect, it } from '@jest/globals';
import {
  createKeyResultRequestSchema,
  createCheckInRequestSchema,
  createPeriodRequestSchema,
  keyResultRuleViolations,
  metricPointsRequestSchema,
  seriesQuerySchema,
  seriesRangeOf,
} from './index.js';

describe('OKR and metric contracts', () => {
  it('ties key result fields together, naming the field at fault', () => {
    expect(keyResultRuleViolations({ kind: 'increase', baseline: 1, target: 2 })).toEqual([]);
    expect(keyResultRuleViolations({ kind: 'decrease', baseline: 1, target: 1 })).toEqual([
      { path: 'target', message: 'must differ from the baseline' },
    ]);
    expect(keyResultRuleViolations({ kind: 'stay-below', baseline: 3 })).toEqual([
      { path: 'target', message: 'is required for a stay-below key result' },
    ]);
    expect(keyResultRuleViolations({ kind: 'milestone', metricKey: 'x' })[0]?.path).toBe(
      'metricKey',
    );
  });

  it('fills key result defaults', () => {
    expect(
      createKeyResultRequestSchema.parse({
        objectiveId: '0b3a5b4e-4f0e-4c59-9a55-6a1b0b1b2c3d',
        title: ' Ship ',
        kind: 'milestone',
      }),
    ).toEqual({
      objectiveId: '0b3a5b4e-4f0e-4c59-9a55-6a1b0b1b2c3d',
      title: 'Ship',
      kind: 'milestone',
      unit: '',
      weight: 1,
      cadence: 'weekly',
      metricKey: null,
    });
  });

  it('wants a period to end on or after its start', () => {
    expect(
      createPeriodRequestSchema.safeParse({ name: 'Q', start: '2026-01-01', end: '2026-01-01' })
        .success,
    ).toBe(true);
    const result = createPeriodRequestSchema.safeParse({
      name: 'Q',
      start: '2026-01-02',
      end: '2026-01-01',
    });
    expect(result.error?.issues.map(({ path }) => path)).toEqual([['end']]);
  });

  it('takes points at instants with an offset or at dates', () => {
    expect(
      metricPointsRequestSchema.safeParse([
        { timestamp: '2026-01-01', value: 1 },
        { timestamp: '2026-01-01T10:00:00+02:00', value: 2 },
      ]).success,
    ).toBe(true);
    expect(
      metricPointsRequestSchema.safeParse([{ timestamp: '2026-01-01T10:00:00', value: 1 }]).success,
    ).toBe(false);
  });

  it('reads a date `to` as the whole day', () => {
    expect(seriesRangeOf({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-01T23:59:59.999Z'),
    });
    expect(
      seriesQuerySchema.safeParse({ from: '2026-01-01T12:00:00Z', to: '2026-01-01' }).success,
    ).toBe(true);
    expect(seriesQuerySchema.safeParse({ from: '2026-01-02', to: '2026-01-01' }).success).toBe(
      false,
    );
  });

  it('takes only dates and instants the database can store: years 0001 to 9999 in UTC', () => {
    const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
      result.error?.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
    expect(
      issuesOf(
        createCheckInRequestSchema.safeParse({
          value: 1,
          confidence: 'on-track',
          date: '0000-01-01',
        }),
      ),
    ).toEqual([{ path: 'date', message: 'must be a calendar date from 0001-01-01 to 9999-12-31' }]);
    expect(
      createCheckInRequestSchema.safeParse({ value: 1, confidence: 'on-track', date: '0001-01-01' })
        .success,
    ).toBe(true);
    expect(
      issuesOf(
        createPeriodRequestSchema.safeParse({ name: 'Q', start: '0000-12-31', end: '2026-01-01' }),
      ),
    ).toEqual([
      { path: 'start', message: 'must be a calendar date from 0001-01-01 to 9999-12-31' },
    ]);
    const range = 'must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC';
    expect(issuesOf(seriesQuerySchema.safeParse({ from: '0000-01-01' }))).toEqual([
      { path: 'from', message: range },
    ]);
    // In UTC these fall in years 0000 and 10000.
    expect(
      issuesOf(
        metricPointsRequestSchema.safeParse([
          { timestamp: '0001-01-01T00:30:00+01:00', value: 1 },
          { timestamp: '9999-12-31T23:00:00-05:00', value: 2 },
          { timestamp: '9999-12-31T23:00:00Z', value: 3 },
        ]),
      ),
    ).toEqual([
      { path: '0.timestamp', message: range },
      { path: '1.timestamp', message: range },
    ]);
  });
});
