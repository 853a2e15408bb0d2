import type {
  CheckIn,
  Guardrail,
  KeyResult,
  Member,
  Metric,
  MetricListItem,
  MetricTrend,
  Objective,
  Period,
  SeriesResponse,
} from '@bearing/contracts';
import { fakeResponse, type FakeRoute, type FetchMock } from './fake-fetch';
import { USER_ID } from './session-fixtures';

/** Builders for OKR and metric responses, as the API sends them. Ids are fixed UUIDs. */

const CREATED = '2026-10-01T09:00:00.000Z';
export const BO_ID = '00000000-0000-4000-8000-0000000000b2';

export const ANA = { id: USER_ID, email: 'ana@example.com', displayName: 'Ana Lima' };
export const BO = { id: BO_ID, email: 'bo@example.com', displayName: 'Bo Chen' };

export const MEMBERS: Member[] = [
  {
    userId: USER_ID,
    email: ANA.email,
    displayName: ANA.displayName,
    role: 'editor',
    version: 1,
    joinedAt: CREATED,
    active: true,
  },
  {
    userId: BO_ID,
    email: BO.email,
    displayName: BO.displayName,
    role: 'viewer',
    version: 1,
    joinedAt: CREATED,
    active: true,
  },
];

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function period(fields: Partial<Period> = {}): Period {
  return {
    id: uuid(100),
    name: '2026 Q4',
    start: '2026-10-01',
    end: '2026-12-31',
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

export function objective(fields: Partial<Objective> = {}): Objective {
  return {
    id: uuid(200),
    title: 'Grow podcast listening',
    description: '',
    ownerId: USER_ID,
    owner: ANA,
    periodId: uuid(100),
    parentId: null,
    status: 'active',
    progress: 0.4,
    rolledUpFrom: { keyResults: 1, objectives: 0 },
    expectedProgress: 0.62,
    pace: 'at-risk',
    score: 0.4,
    programIds: [],
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

export function checkIn(fields: Partial<CheckIn> = {}): CheckIn {
  return {
    id: uuid(400),
    keyResultId: uuid(300),
    value: 140,
    confidence: 'at-risk',
    note: 'Two new shows launched late.',
    date: '2026-11-19',
    author: ANA,
    createdAt: '2026-11-19T10:00:00.000Z',
    ...fields,
  };
}

export function keyResult(fields: Partial<KeyResult> = {}): KeyResult {
  return {
    id: uuid(300),
    objectiveId: uuid(200),
    title: 'Weekly podcast listeners',
    kind: 'increase',
    unit: 'k',
    baseline: 100,
    target: 200,
    weight: 1,
    cadence: 'weekly',
    metricKey: null,
    current: 140,
    progress: 0.4,
    expectedProgress: 0.62,
    pace: 'at-risk',
    score: 0.4,
    lastCheckIn: checkIn(),
    checkInDue: null,
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

export function metric(fields: Partial<Metric> = {}): Metric {
  return {
    id: uuid(500),
    key: 'playback.start_latency_p95',
    name: 'Playback start latency p95',
    unit: 'ms',
    category: 'technical-health',
    direction: 'decrease-is-good',
    description: '',
    archived: false,
    latest: { timestamp: '2026-11-26T00:00:00.000Z', value: 262 },
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

/** A metric in the list: `metric(fields)` with its trend (`trend()` unless given). */
export function metricListItem(
  fields: Partial<Metric> = {},
  metricTrend: MetricTrend = trend(),
): MetricListItem {
  return { ...metric(fields), trend: metricTrend };
}

/** The XmR status of `series()`: a signal on its last value, provisional limits from all four. */
export function xmrStatus(): SeriesResponse['status'] {
  return {
    state: 'signal',
    signal: {
      timestamp: '2026-11-26T00:00:00.000Z',
      value: 262,
      rules: ['beyond-limits', 'range-beyond-limit'],
    },
    limits: {
      mean: 216,
      upperLimit: 279.84,
      lowerLimit: 152.16,
      window: {
        from: '2026-11-23T00:00:00.000Z',
        to: '2026-11-26T00:00:00.000Z',
        count: 4,
        provisional: true,
      },
    },
    shift: null,
  };
}

/** The trend of `series()`'s metric, as the list and the portfolio send it. */
export function trend(): MetricTrend {
  return { sparkline: [200, 204, 198, 262], sparklineSignals: [3], status: xmrStatus() };
}

/** A metric with no values: no trend, too few values for limits. */
export const NO_TREND: MetricTrend = {
  sparkline: [],
  sparklineSignals: [],
  status: { state: 'too-few-values', signal: null, limits: null, shift: null },
};

/** Four daily values, the last a jump the API flagged beyond the limits and in range. */
export function series(): SeriesResponse {
  const status = xmrStatus();
  return {
    bucket: 'none',
    points: [
      { timestamp: '2026-11-23T00:00:00.000Z', value: 200, count: 1 },
      { timestamp: '2026-11-24T00:00:00.000Z', value: 204, count: 1 },
      { timestamp: '2026-11-25T00:00:00.000Z', value: 198, count: 1 },
      { timestamp: '2026-11-26T00:00:00.000Z', value: 262, count: 1 },
    ],
    xmr: {
      basis: 'metric',
      segments: [
        {
          first: 0,
          last: 3,
          mean: 216,
          averageMovingRange: 24,
          upperLimit: 279.84,
          lowerLimit: 152.16,
          upperRangeLimit: 78.432,
          window: status.limits!.window,
          shift: null,
        },
      ],
      movingRanges: [4, 6, 64],
      signals: [
        { index: 3, rule: 'beyond-limits' },
        { index: 3, rule: 'range-beyond-limit' },
      ],
    },
    status,
  };
}

/**
 * 24 daily values from Nov 3: 12 around 200, then 12 around 240 — a shift up that the API
 * reported at Nov 22 (the run's 8th value), with new provisional limits from Nov 15.
 */
export function shiftedSeries(): SeriesResponse {
  const day = (index: number) => `2026-11-${String(index + 3).padStart(2, '0')}T00:00:00.000Z`;
  const values = Array.from({ length: 24 }, (_, index) =>
    index < 12 ? (index % 2 ? 202 : 198) : index % 2 ? 242 : 238,
  );
  const shift = { direction: 'up' as const, startedAt: day(12), detectedAt: day(19) };
  const window = (first: number, count: number) => ({
    from: day(first),
    to: day(first + count - 1),
    count,
    provisional: true,
  });
  return {
    bucket: 'none',
    points: values.map((value, index) => ({ timestamp: day(index), value, count: 1 })),
    xmr: {
      basis: 'metric',
      segments: [
        {
          first: 0,
          last: 11,
          mean: 200,
          averageMovingRange: 4,
          upperLimit: 210.64,
          lowerLimit: 189.36,
          upperRangeLimit: 13.072,
          window: window(0, 12),
          shift: null,
        },
        {
          first: 12,
          last: 23,
          mean: 240,
          averageMovingRange: 4,
          upperLimit: 250.64,
          lowerLimit: 229.36,
          upperRangeLimit: 13.072,
          window: window(12, 12),
          shift,
        },
      ],
      movingRanges: values.slice(1).map((value, index) => Math.abs(value - values[index]!)),
      signals: [{ index: 19, rule: 'run-of-eight' }],
    },
    status: {
      state: 'signal',
      signal: { timestamp: day(19), value: 242, rules: ['run-of-eight'] },
      limits: { mean: 240, upperLimit: 250.64, lowerLimit: 229.36, window: window(12, 12) },
      shift,
    },
  };
}

export function guardrail(fields: Partial<Guardrail> = {}): Guardrail {
  return {
    id: uuid(600),
    metricKey: 'playback.start_latency_p95',
    metric: {
      key: 'playback.start_latency_p95',
      name: 'Playback start latency p95',
      unit: 'ms',
      direction: 'decrease-is-good',
    },
    baseline: 200,
    threshold: { type: 'relative', value: 0.1 },
    warnAt: null,
    status: 'breached',
    evaluation: {
      value: 262,
      timestamp: '2026-11-26T00:00:00.000Z',
      limit: 220,
      deterioration: 62,
      marginUsed: 3.1,
    },
    history: [
      {
        id: uuid(700),
        from: 'ok',
        to: 'breached',
        value: 262,
        timestamp: '2026-11-26T00:00:00.000Z',
        cause: 'points',
        changedAt: '2026-11-26T06:00:00.000Z',
      },
    ],
    programIds: [],
    version: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...fields,
  };
}

/** A list route's one page of `items`. */
export function page<Item>(items: Item[]): FakeRoute {
  return () => fakeResponse(200, { items, nextCursor: null });
}

/** A 400 validation problem naming fields, as the API sends it. */
export function validationProblem(errors: { path: string; message: string }[]): FakeRoute {
  return () =>
    fakeResponse(
      400,
      {
        type: 'https://bearing.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'The request has invalid fields.',
        errors,
      },
      'application/problem+json',
    );
}

/** Every URL the app asked for, in order. */
export function requestedUrls(mock: FetchMock): string[] {
  return mock.mock.calls.map(([input]) =>
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
  );
}
