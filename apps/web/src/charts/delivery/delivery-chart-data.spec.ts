import { describe, expect, it } from '@jest/globals';
import type {
  AgingWipResponse,
  CumulativeFlowResponse,
  CycleTimesResponse,
  ForecastWhenResult,
  SprintBurndownResponse,
  VelocityResponse,
} from '@bearing/contracts';
import { agingWipChartData } from './aging-wip-data';
import { cumulativeFlowChartData } from './cumulative-flow-data';
import { cycleTimePoints } from './cycle-time-data';
import { forecastBars } from './forecast-chart-data';
import { percentileLines } from './percentile-lines';
import { sprintDayRows } from './sprint-chart-data';
import { velocityChartData } from './velocity-chart-data';

const SPRINT_ID = '00000000-0000-4000-8000-0000000000a1';

function burndownDay(
  day: string,
  remaining: number,
  ideal: number,
  changes: { added?: number; removed?: number; completed?: number } = {},
) {
  return {
    day,
    remaining,
    ideal,
    added: changes.added ?? 0,
    removed: changes.removed ?? 0,
    completed: changes.completed ?? 0,
  };
}

describe('sprintDayRows', () => {
  const burndown: SprintBurndownResponse = Object.freeze({
    sprintId: SPRINT_ID,
    unit: 'points',
    timeZone: 'UTC',
    committed: 10,
    days: [
      burndownDay('2026-11-02', 10, 8),
      burndownDay('2026-11-03', 7, 6, { completed: 3 }),
      burndownDay('2026-11-04', 12, 4, { added: 5 }),
      burndownDay('2026-11-05', 9, 2, { completed: 5, removed: 2 }),
      // A reopened item: net completed is negative, remaining grows back.
      burndownDay('2026-11-06', 11, 0, { completed: -2 }),
    ],
  });

  it('keeps the burndown as sent and marks the days scope changed', () => {
    const rows = sprintDayRows(burndown, '2026-11-30');
    expect(rows.map((row) => [row.remaining, row.ideal, row.scopeChanged])).toEqual([
      [10, 8, false],
      [7, 6, false],
      [12, 4, true],
      [9, 2, true],
      [11, 0, false],
    ]);
    expect(rows[0]?.time).toBe(Date.UTC(2026, 10, 2));
  });

  it('turns net completed into done so far, and scope into done so far plus remaining', () => {
    const rows = sprintDayRows(burndown, '2026-11-30');
    expect(rows.map((row) => [row.doneSoFar, row.scope])).toEqual([
      [0, 10],
      [3, 10],
      [3, 15],
      [8, 17],
      [6, 17],
    ]);
  });

  it('draws only the guideline on days that have not happened yet', () => {
    const rows = sprintDayRows(burndown, '2026-11-04');
    expect(rows.map((row) => [row.remaining, row.doneSoFar, row.scope, row.ideal])).toEqual([
      [10, 0, 10, 8],
      [7, 3, 10, 6],
      [12, 3, 15, 4],
      [null, null, null, 2],
      [null, null, null, 0],
    ]);
  });

  it('has no rows for a sprint without days', () => {
    expect(sprintDayRows({ ...burndown, days: [] }, '2026-11-30')).toEqual([]);
  });
});

describe('velocityChartData', () => {
  it('keeps the sprints oldest first with their say/do ratio and the API’s average', () => {
    const velocity: VelocityResponse = {
      window: 3,
      unit: 'points',
      average: 17.5,
      standardDeviation: 3.54,
      sprints: 2,
      outcomes: [
        {
          sprintId: SPRINT_ID,
          name: 'Sprint 1',
          start: null,
          end: null,
          committed: 20,
          completed: 15,
          sayDoRatio: 0.7,
        },
        {
          sprintId: '00000000-0000-4000-8000-0000000000a2',
          name: 'Sprint 2',
          start: null,
          end: null,
          committed: 0,
          completed: 20,
          sayDoRatio: null,
        },
      ],
    };
    const data = velocityChartData(velocity);
    expect(
      data.rows.map((row) => [row.name, row.committed, row.completed, row.sayDoRatio]),
    ).toEqual([
      ['Sprint 1', 20, 15, 0.7],
      ['Sprint 2', 0, 20, null],
    ]);
    expect(data.average).toBe(17.5);
  });
});

describe('cycleTimePoints and percentileLines', () => {
  const response: CycleTimesResponse = {
    from: '2026-11-01',
    to: '2026-11-30',
    timeZone: 'UTC',
    total: 2,
    sampled: false,
    withoutCycleTime: 1,
    points: [
      ['PAY-1', '2026-11-05', 3, 9],
      ['PAY-2', '2026-11-06', null, 4],
    ],
    percentiles: { p50: 3, p85: null, p95: 12 },
    leadTimePercentiles: { p50: 9, p85: 9, p95: 9 },
  };

  it('plots items with a cycle time at their done day and counts the others', () => {
    expect(cycleTimePoints(response)).toEqual({
      points: [
        {
          time: Date.UTC(2026, 10, 5),
          doneDay: '2026-11-05',
          cycleTime: 3,
          key: 'PAY-1',
        },
      ],
      withoutCycleTime: 1,
    });
  });

  it('draws a line per known percentile, each with its own dash pattern', () => {
    const lines = percentileLines(response.percentiles);
    expect(lines.map((line) => [line.label, line.days])).toEqual([
      ['p50', 3],
      ['p95', 12],
    ]);
    expect(new Set(lines.map((line) => line.dash)).size).toBe(2);
  });
});

describe('cumulativeFlowChartData', () => {
  it('keeps the workflow order and fills a stage missing on a day with 0', () => {
    const cfd: CumulativeFlowResponse = {
      from: '2026-11-01',
      to: '2026-11-02',
      stages: ['Backlog', 'Doing', 'Done'],
      days: [
        { day: '2026-11-01', counts: { Backlog: 3, Doing: 1 } },
        { day: '2026-11-02', counts: { Backlog: 4, Doing: 2, Done: 1 } },
      ],
    };
    const data = cumulativeFlowChartData(cfd);
    expect(data.stages).toEqual(['Backlog', 'Doing', 'Done']);
    expect(data.rows.map((row) => row.counts)).toEqual([
      { Backlog: 3, Doing: 1, Done: 0 },
      { Backlog: 4, Doing: 2, Done: 1 },
    ]);
  });
});

describe('agingWipChartData', () => {
  it('puts items in their stage’s column in workflow order, spread so equal ages stay visible', () => {
    const aging: AgingWipResponse = {
      asOf: '2026-11-26',
      stages: ['Backlog', 'Doing', 'Review', 'Done'],
      total: 4,
      items: [
        { key: 'A-1', title: 'One', stage: 'Review', ageDays: 9 },
        { key: 'A-2', title: 'Two', stage: 'Doing', ageDays: 4 },
        { key: 'A-3', title: 'Three', stage: 'Doing', ageDays: 4 },
        { key: 'A-4', title: 'Four', stage: 'Doing', ageDays: 1 },
      ],
    };
    const data = agingWipChartData(aging);
    expect(data.stages).toEqual(['Doing', 'Review']);
    expect(data.points.map((point) => [point.key, point.x, point.ageDays])).toEqual([
      ['A-2', -0.3, 4],
      ['A-3', 0, 4],
      ['A-4', 0.3, 1],
      ['A-1', 1, 9],
    ]);
  });

  it('has no columns when nothing is in progress', () => {
    expect(
      agingWipChartData({ asOf: '2026-11-26', stages: ['Doing'], total: 0, items: [] }),
    ).toEqual({
      stages: [],
      points: [],
    });
  });
});

describe('forecastBars', () => {
  it('labels each bar with its finish day and the percentiles that land on it', () => {
    const forecast: ForecastWhenResult = {
      insufficientHistory: false,
      sampleFrom: '2026-08-28',
      sampleTo: '2026-11-25',
      seed: 42,
      trials: 100,
      remaining: 10,
      startDay: '2026-11-26',
      p50: 5,
      p85: 6,
      p95: 6,
      dates: { p50: '2026-12-01', p85: '2026-12-02', p95: '2026-12-02' },
      distribution: [
        { days: 4, probability: 0.2 },
        { days: 5, probability: 0.5 },
        { days: 6, probability: 0.3 },
      ],
      unfinished: 0,
    };
    expect(forecastBars(forecast)).toEqual([
      { days: 4, day: '2026-11-30', probability: 0.2, marks: [] },
      { days: 5, day: '2026-12-01', probability: 0.5, marks: ['p50'] },
      { days: 6, day: '2026-12-02', probability: 0.3, marks: ['p85', 'p95'] },
    ]);
  });
});
