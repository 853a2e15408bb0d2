import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deepFreeze, workflow } from '../../test/flow-fixtures.js';
import {
  agingOfRecords,
  agingWip,
  countsBetween,
  cumulativeFlow,
  cumulativeFlowOfDays,
  cycleTime,
  dayToEpochDay,
  flowRecord,
  leadTime,
  nearestRankOfCounts,
  quantiles,
  stageEntryDays,
  throughput,
  throughputOfDays,
  wip,
  wipOfDays,
  type WorkItemHistory,
} from '../index.js';

const STATUSES = [
  'To Do',
  'Open',
  'Ready',
  'In Progress',
  'In Review',
  'Done',
  'Closed',
  'Blocked',
];
const START_MS = Date.UTC(2024, 0, 1);
const HOUR_MS = 3_600_000;
const TIME_ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];

const item: fc.Arbitrary<WorkItemHistory> = fc
  .record({
    id: fc.uuid(),
    createdHour: fc.integer({ min: 0, max: 24 * 20 }),
    initialStatus: fc.constantFrom(...STATUSES),
    changes: fc.array(
      fc.record({ hour: fc.integer({ min: 0, max: 24 * 40 }), to: fc.constantFrom(...STATUSES) }),
      { maxLength: 10 },
    ),
  })
  .map(({ id, createdHour, initialStatus, changes }) =>
    deepFreeze({
      id,
      createdAt: new Date(START_MS + createdHour * HOUR_MS).toISOString(),
      initialStatus,
      changes: changes.map(({ hour, to }) => ({
        at: new Date(START_MS + hour * HOUR_MS).toISOString(),
        to,
      })),
    }),
  );
const items = fc.array(item, { maxLength: 25 });
const timeZone = fc.constantFrom(...TIME_ZONES);
const range = fc
  .tuple(fc.integer({ min: -5, max: 45 }), fc.integer({ min: 0, max: 30 }))
  .map(([start, length]) => ({
    from: new Date(START_MS + start * 86_400_000).toISOString().slice(0, 10),
    to: new Date(START_MS + (start + length) * 86_400_000).toISOString().slice(0, 10),
  }));

/** What a read model stores per day: finished items and stage entries. */
function dayCounts(records: ReturnType<typeof flowRecord>[]) {
  const byDay = new Map<number, { day: number; done: number; entered: number[] }>();
  const dayOf = (day: number) => {
    let entry = byDay.get(day);
    if (!entry) {
      entry = { day, done: 0, entered: workflow.stages.map(() => 0) };
      byDay.set(day, entry);
    }
    return entry;
  };
  for (const record of records) {
    if (record.doneDay !== null) dayOf(record.doneDay).done++;
    record.entryDays.forEach((day, stage) => {
      if (day !== null) dayOf(day).entered[stage] = (dayOf(day).entered[stage] as number) + 1;
    });
  }
  return [...byDay.values()];
}

function histogram(values: (number | null)[]): number[] {
  const counts: number[] = [];
  for (const value of values) {
    if (value === null) continue;
    while (counts.length <= value) counts.push(0);
    counts[value] = (counts[value] as number) + 1;
  }
  return counts;
}

describe('flow metrics from stored records', () => {
  it('flowRecord agrees with stageEntryDays, cycleTime and leadTime', () => {
    fc.assert(
      fc.property(item, timeZone, (one, zone) => {
        const record = flowRecord(one, workflow, { timeZone: zone });
        const days = stageEntryDays(one, workflow, { timeZone: zone });
        expect(
          record.entryDays.map((day) =>
            day === null ? null : new Date(day * 86_400_000).toISOString().slice(0, 10),
          ),
        ).toEqual(Object.values(days));
        expect(record.cycleTime).toBe(cycleTime(one, workflow, { timeZone: zone }));
        expect(record.leadTime).toBe(leadTime(one, workflow, { timeZone: zone }));
      }),
    );
  });

  it('throughput, CFD and WIP from day counts equal the replayed ones', () => {
    fc.assert(
      fc.property(items, timeZone, range, (list, zone, days) => {
        const counts = dayCounts(list.map((one) => flowRecord(one, workflow, { timeZone: zone })));
        for (const interval of ['day', 'week'] as const) {
          expect(throughputOfDays(counts, { ...days, interval })).toEqual(
            throughput(list, workflow, { ...days, interval, timeZone: zone }),
          );
        }
        expect(cumulativeFlowOfDays(counts, workflow, days)).toEqual(
          cumulativeFlow(list, workflow, { ...days, timeZone: zone }),
        );
        expect(wipOfDays(counts, workflow, days)).toEqual(
          wip(list, workflow, { ...days, timeZone: zone }),
        );
      }),
    );
  });

  it('aging from records equals agingWip for items whose history ends by asOf', () => {
    fc.assert(
      fc.property(items, timeZone, fc.integer({ min: 0, max: 60 }), (list, zone, offset) => {
        const asOf = new Date(START_MS + offset * 86_400_000).toISOString().slice(0, 10);
        const settled = list.filter(
          (one) => flowRecord(one, workflow, { timeZone: zone }).lastDay <= dayToEpochDay(asOf),
        );
        const records = settled.map((one) => ({
          id: one.id,
          ...flowRecord(one, workflow, { timeZone: zone }),
        }));
        expect(agingOfRecords(records, workflow, asOf)).toEqual(
          agingWip(settled, workflow, asOf, { timeZone: zone }),
        );
      }),
    );
  });

  it('nearest-rank percentiles of a histogram equal those of the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 50 }),
        (earlier, later) => {
          const ps = [0, 0.07, 0.5, 0.85, 0.95, 1];
          const between = countsBetween(histogram([...earlier, ...later]), histogram(earlier));
          expect(nearestRankOfCounts(between, ps)).toEqual(quantiles(later, ps, 'nearest-rank'));
        },
      ),
    );
  });
});
