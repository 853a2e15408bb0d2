import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, type SprintEvent, sprintBurndown, sprintSummary, workingDays } from '../index.js';

const START_MS = Date.parse('2024-03-04T09:00:00Z');
const HOUR_MS = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const itemId = fc.constantFrom('A', 'B', 'C', 'D', 'E');
/** Any hour from three days before the sprint to three weeks after it started. */
const at = fc.integer({ min: -72, max: 24 * 21 }).map((hours) => iso(START_MS + hours * HOUR_MS));
const points = fc.integer({ min: 0, max: 13 });

const sprintEvent: fc.Arbitrary<SprintEvent> = fc.oneof(
  fc.record({ at, itemId, type: fc.constant('added' as const), points }),
  fc.record({ at, itemId, type: fc.constant('estimated' as const), points }),
  fc.record({
    at,
    itemId,
    type: fc.constantFrom('removed' as const, 'completed' as const, 'reopened' as const),
  }),
);

const scenario = fc.record({
  lengthDays: fc.integer({ min: 1, max: 20 }),
  events: fc.array(sprintEvent, { maxLength: 40 }),
  holidayOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
  unit: fc.constantFrom('points' as const, 'count' as const),
});

describe('sprint properties', () => {
  it('remaining is never negative; the guideline never rises and is 0 on the last working day', () => {
    fc.assert(
      fc.property(scenario, ({ lengthDays, events, holidayOffsets, unit }) => {
        const sprint = { start: iso(START_MS), end: iso(START_MS + lengthDays * 24 * HOUR_MS) };
        const calendar = {
          nonWorkingWeekdays: [0, 6],
          holidays: holidayOffsets.map((offset) => addDays('2024-03-04', offset)),
        };
        const { committed, days } = sprintBurndown(sprint, events, { calendar, unit });
        for (const day of days) expect(day.remaining).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < days.length; i++) {
          expect(days[i]!.ideal).toBeLessThanOrEqual(days[i - 1]!.ideal);
        }
        expect(days[0]!.ideal).toBeLessThanOrEqual(committed);
        const working = workingDays(days[0]!.day, days.at(-1)!.day, calendar);
        const lastWorking = working.at(-1);
        if (lastWorking !== undefined) {
          for (const day of days.filter((d) => d.day >= lastWorking)) expect(day.ideal).toBe(0);
          // … and not before: it reaches 0 on the last working day itself
          if (committed > 0) {
            for (const day of days.filter((d) => d.day < lastWorking)) {
              expect(day.ideal).toBeGreaterThan(0);
            }
          }
          // ideal = committed × (1 − w / W) on every day
          for (const day of days) {
            const w = working.filter((workingDay) => workingDay <= day.day).length;
            expect(day.ideal).toBeCloseTo(committed * (1 - w / working.length), 9);
          }
        } else {
          for (const day of days) expect(day.ideal).toBe(committed);
        }
      }),
    );
  });

  it('burndown and summary agree at the close', () => {
    fc.assert(
      fc.property(scenario, ({ lengthDays, events, unit }) => {
        const sprint = { start: iso(START_MS), end: iso(START_MS + lengthDays * 24 * HOUR_MS) };
        const burndown = sprintBurndown(sprint, events, { unit });
        const summary = sprintSummary(sprint, events, { unit });
        expect(summary.committed).toBe(burndown.committed);
        expect(summary.carriedOver).toBe(burndown.days.at(-1)!.remaining);
        expect(summary.added).toBe(burndown.days.reduce((total, d) => total + d.added, 0));
        expect(summary.removed).toBe(burndown.days.reduce((total, d) => total + d.removed, 0));
        expect(summary.scopeAtEnd).toBe(summary.completed + summary.carriedOver);
        if (summary.sayDoRatio !== null) {
          expect(summary.sayDoRatio).toBeGreaterThanOrEqual(0);
          expect(summary.sayDoRatio).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
