import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deepFreeze, workflow } from '../../test/flow-fixtures.js';
import {
  agingWip,
  cumulativeFlow,
  cycleTime,
  flowRecord,
  leadTime,
  stageEntryDays,
  throughput,
  wip,
  type StatusChange,
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
const CREATED_MS = Date.UTC(2024, 4, 2, 10);
const MINUTE_MS = 60_000;
const RANGE = { from: '2024-04-28', to: '2024-06-10' };
const TIME_ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

/**
 * Changes at distinct minutes from three days before the item's creation (stamped before it, as
 * clock skew or imported data can) to 35 days after, in a random order, and the same changes in
 * another random order. Distinct: the order of changes at the very same instant is the list's
 * by definition.
 */
const changeLists = fc
  .uniqueArray(
    fc.record({
      minute: fc.integer({ min: -3 * 24 * 60, max: 35 * 24 * 60 }),
      to: fc.constantFrom(...STATUSES),
    }),
    { selector: (change) => change.minute, maxLength: 12 },
  )
  .map((changes) =>
    changes.map(({ minute, to }) => ({
      at: new Date(CREATED_MS + minute * MINUTE_MS).toISOString(),
      to,
    })),
  )
  .chain((changes) =>
    fc.tuple(
      fc.constant(changes),
      fc.shuffledSubarray(changes, { minLength: changes.length, maxLength: changes.length }),
    ),
  );

function itemWith(changes: StatusChange[], initialStatus: string): WorkItemHistory {
  return deepFreeze({
    id: 'P-1',
    createdAt: new Date(CREATED_MS).toISOString(),
    initialStatus,
    changes,
  });
}

/** Everything the flow metrics say about one item. */
function everyResult(item: WorkItemHistory, timeZone: string) {
  const options = { timeZone };
  return {
    stageEntryDays: stageEntryDays(item, workflow, options),
    cycleTime: cycleTime(item, workflow, options),
    cycleTimeInclusive: cycleTime(item, workflow, { ...options, inclusive: true }),
    leadTime: leadTime(item, workflow, options),
    agingWip: ['2024-05-02', '2024-05-10', '2024-06-10'].map((asOf) =>
      agingWip([item], workflow, asOf, options),
    ),
    throughput: throughput([item], workflow, { ...RANGE, ...options, interval: 'day' }),
    cumulativeFlow: cumulativeFlow([item], workflow, { ...RANGE, ...options }),
    wip: wip([item], workflow, { ...RANGE, ...options }),
    flowRecord: flowRecord(item, workflow, options),
  };
}

describe('order of the change list', () => {
  it('does not matter: any permutation gives the same result in every flow metric (property)', () => {
    fc.assert(
      fc.property(
        changeLists,
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...TIME_ZONES),
        ([changes, shuffled], initialStatus, timeZone) => {
          expect(everyResult(itemWith(shuffled, initialStatus), timeZone)).toEqual(
            everyResult(itemWith(changes, initialStatus), timeZone),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
