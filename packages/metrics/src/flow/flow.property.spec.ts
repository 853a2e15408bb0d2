import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deepFreeze, workflow } from '../../test/flow-fixtures.js';
import {
  cumulativeFlow,
  cycleTime,
  leadTime,
  stageEntryDays,
  wip,
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
const RANGE = { from: '2023-12-31', to: '2024-02-15' };
const TIME_ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];

/** Items over ~40 days with random, possibly unordered, backward and unmapped changes. */
const item: fc.Arbitrary<WorkItemHistory> = fc
  .record({
    id: fc.string(),
    createdHour: fc.integer({ min: 0, max: 24 * 20 }),
    initialStatus: fc.constantFrom(...STATUSES),
    changes: fc.array(
      fc.record({
        hour: fc.integer({ min: 0, max: 24 * 40 }),
        to: fc.constantFrom(...STATUSES),
      }),
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
const items = fc.array(item, { maxLength: 25 }).map((list) => deepFreeze(list));
const timeZone = fc.constantFrom(...TIME_ZONES);

describe('flow properties', () => {
  it('CFD counts never decrease over days, and stage k ≥ stage k+1 every day', () => {
    fc.assert(
      fc.property(items, timeZone, (list, zone) => {
        const cfd = cumulativeFlow(list, workflow, { ...RANGE, timeZone: zone });
        const stages = workflow.stages.map((stage) => stage.name);
        const violations: string[] = [];
        cfd.forEach(({ day, counts }, index) => {
          const bands = stages.map((stage) => counts[stage] as number);
          bands.forEach((count, stage) => {
            const next = bands[stage + 1];
            if (next !== undefined && count < next)
              violations.push(`${day}: stage ${stage} < ${stage + 1}`);
            const before = cfd[index - 1]?.counts[stages[stage] as string];
            if (before !== undefined && count < before)
              violations.push(`${day}: stage ${stage} fell`);
            if (count > list.length) violations.push(`${day}: more than every item`);
          });
        });
        expect(violations).toEqual([]);
      }),
    );
  });

  it('WIP is never negative and equals CFD[committed] − CFD[done]', () => {
    fc.assert(
      fc.property(items, timeZone, (list, zone) => {
        const options = { ...RANGE, timeZone: zone };
        const cfd = cumulativeFlow(list, workflow, options);
        const expected = cfd.map(({ day, counts }) => ({
          day,
          count: (counts.Doing as number) - (counts.Done as number),
        }));
        const result = wip(list, workflow, options);
        expect(result).toEqual(expected);
        expect(result.every(({ count }) => count >= 0)).toBe(true);
      }),
    );
  });

  it('reached stages form a prefix with non-decreasing days, so 0 ≤ cycle time ≤ lead time', () => {
    fc.assert(
      fc.property(item, timeZone, (history, zone) => {
        const days = Object.values(stageEntryDays(history, workflow, { timeZone: zone }));
        const reached = days.filter((day): day is string => day !== null);
        // the stages reached form a prefix (skipped stages are back-filled) …
        expect(days.slice(reached.length).every((day) => day === null)).toBe(true);
        // … whose days never decrease
        expect([...reached].sort()).toEqual(reached);
        const cycle = cycleTime(history, workflow, { timeZone: zone });
        if (cycle !== null) expect(cycle).toBeGreaterThanOrEqual(0);
        const lead = leadTime(history, workflow, { timeZone: zone });
        if (lead !== null && cycle !== null) expect(lead).toBeGreaterThanOrEqual(cycle);
      }),
    );
  });
});
