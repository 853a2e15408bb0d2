import { describe, expect, it } from '@jest/globals';
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { epochMsToDay } from './day.js';
import { zoneOffsetMs } from './zone-offset.js';

// New York and London: one-hour DST; Lord Howe: a 30-minute DST; Kolkata: +05:30, no DST;
// Chatham: +12:45 / +13:45 DST in the southern summer.
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const HOUR_MS = 3_600_000;
const PROBE_MS = 7 * 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `epochMs` in `timeZone` as Intl shows it, written as a UTC instant. */
function intlWallClockMs(epochMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(epochMs));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return (
    Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    ) +
    (epochMs - Math.floor(epochMs / 1000) * 1000)
  );
}

/** The reference offset: Intl's wall clock minus the instant. */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  return intlWallClockMs(epochMs, timeZone) - epochMs;
}

/**
 * Every instant in [fromMs, toMs) at which Intl's offset for `timeZone` changes, found without
 * the code under test: probes a week apart (these zones change at most twice a year, months
 * apart), then
 * bisection to the millisecond.
 */
function intlTransitions(timeZone: string, fromMs: number, toMs: number): number[] {
  const transitions: number[] = [];
  let previous = intlOffsetMs(fromMs, timeZone);
  for (let probe = fromMs + PROBE_MS; probe < toMs; probe += PROBE_MS) {
    const offset = intlOffsetMs(probe, timeZone);
    if (offset === previous) continue;
    let unchanged = probe - PROBE_MS;
    let changed = probe;
    while (changed - unchanged > 1) {
      const middle = Math.floor((unchanged + changed) / 2);
      if (intlOffsetMs(middle, timeZone) === previous) unchanged = middle;
      else changed = middle;
    }
    transitions.push(changed);
    previous = offset;
  }
  return transitions;
}

describe('zoneOffsetMs (per-zone transition tables)', () => {
  it('gives exactly what tzOffset gives, for random instants from 1900 to 2100 (property)', () => {
    const moment = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(moment, fc.constantFrom(...ZONES), (epochMs, timeZone) => {
        expect(zoneOffsetMs(epochMs, timeZone)).toBe(
          tzOffset(timeZone, new Date(epochMs)) * 60_000,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('puts an instant on the wall clock and day Intl shows, 1970–2040 (property)', () => {
    const moment = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(moment, fc.constantFrom(...ZONES), (epochMs, timeZone) => {
        const wallClockMs = epochMs + zoneOffsetMs(epochMs, timeZone);
        expect(new Date(wallClockMs).toISOString()).toBe(
          new Date(intlWallClockMs(epochMs, timeZone)).toISOString(),
        );
        expect(epochMsToDay(epochMs, timeZone)).toBe(
          new Date(intlWallClockMs(epochMs, timeZone)).toISOString().slice(0, 10),
        );
      }),
      { numRuns: 2000 },
    );
  });

  // Found once with Intl alone, 2010–2030, for the two tests below.
  const transitionsByZone = new Map<string, number[]>();
  const transitionsOf = (timeZone: string): number[] => {
    let transitions = transitionsByZone.get(timeZone);
    if (transitions === undefined) {
      transitions = intlTransitions(timeZone, Date.UTC(2010, 0, 1), Date.UTC(2030, 0, 1));
      transitionsByZone.set(timeZone, transitions);
    }
    return transitions;
  };

  it('switches at the very millisecond of each transition, 2010–2030', () => {
    for (const timeZone of ZONES) {
      const transitions = transitionsOf(timeZone);
      // Kolkata has none; the DST zones two a year (Chatham and Lord Howe among them)
      if (timeZone === 'Asia/Kolkata') expect(transitions).toEqual([]);
      else expect(transitions.length).toBeGreaterThanOrEqual(38);
      for (const transition of transitions) {
        for (const epochMs of [transition - 1, transition, transition + 1]) {
          expect(zoneOffsetMs(epochMs, timeZone)).toBe(intlOffsetMs(epochMs, timeZone));
        }
      }
    }
  });

  it('agrees with Intl within hours of a DST transition (property)', () => {
    const transitions = ZONES.filter((zone) => zone !== 'Asia/Kolkata').flatMap((timeZone) =>
      transitionsOf(timeZone).map((transition) => [timeZone, transition] as const),
    );
    const delta = fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS });
    fc.assert(
      fc.property(fc.constantFrom(...transitions), delta, ([timeZone, transition], delta) => {
        const epochMs = transition + delta;
        expect(zoneOffsetMs(epochMs, timeZone)).toBe(intlOffsetMs(epochMs, timeZone));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers in any order and far outside the tabulated years, as tzOffset does', () => {
    const instants = [
      Date.UTC(2024, 6, 1),
      Date.UTC(1950, 6, 1),
      Date.UTC(2024, 0, 1),
      Date.UTC(1700, 0, 1), // before the tables: looked up directly
      Date.UTC(2500, 6, 1), // after them
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2100, 0, 1),
    ];
    for (const timeZone of [...ZONES, 'Europe/Dublin', 'Africa/Casablanca', 'Etc/GMT+5']) {
      for (const epochMs of instants) {
        expect(zoneOffsetMs(epochMs, timeZone)).toBe(
          tzOffset(timeZone, new Date(epochMs)) * 60_000,
        );
      }
    }
  });

  it('names timeZone when the zone is unknown, and UTC needs no table', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(/timeZone/);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 1), 'UTC')).toBe(0);
  });
});
