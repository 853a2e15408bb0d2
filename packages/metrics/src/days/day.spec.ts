import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  dayToEpochDay,
  daysBetween,
  eachDay,
  epochDayToDay,
  epochMsToDay,
  epochMsToEpochDay,
  indexCalendar,
  instantToDay,
  instantToEpochMs,
  isWorkingDay,
  mondayOnOrBefore,
  weekdayOf,
  workingDaysBetween,
} from '../index.js';

describe('days', () => {
  it('buckets an instant into the day of its time zone, near midnight', () => {
    expect(instantToDay('2024-03-01T23:30:00Z')).toBe('2024-03-01');
    expect(instantToDay('2024-03-01T23:30:00Z', 'Europe/Berlin')).toBe('2024-03-02');
    expect(instantToDay('2015-11-21T07:03:02.000-0500')).toBe('2015-11-21');
    expect(instantToDay('2015-11-21T22:03:02.000-0500')).toBe('2015-11-22');
    expect(instantToDay('2015-11-22T03:03:02Z', 'America/New_York')).toBe('2015-11-21');
  });

  it('does calendar arithmetic on whole days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(weekdayOf('2026-11-26')).toBe(4);
    expect(mondayOnOrBefore('2026-11-26')).toBe('2026-11-23');
    expect(mondayOnOrBefore('2026-11-23')).toBe('2026-11-23');
  });

  it('skips weekends and holidays', () => {
    expect(
      workingDaysBetween('2026-11-20', '2026-11-24', {
        nonWorkingWeekdays: [0, 6],
        holidays: ['2026-11-23'],
      }),
    ).toEqual(['2026-11-20', '2026-11-24']);
  });

  it('names the argument of an invalid day', () => {
    expect(() => eachDay('2024-02-30', '2024-03-01')).toThrow(/from/);
    expect(() => instantToDay('yesterday')).toThrow(RangeError);
  });
});

describe('instants', () => {
  it('reads every offset form to the same moment', () => {
    const moment = Date.UTC(2015, 10, 21, 12, 3, 2);
    expect(instantToEpochMs('2015-11-21T12:03:02Z')).toBe(moment);
    expect(instantToEpochMs('2015-11-21T07:03:02.000-0500')).toBe(moment); // Jira
    expect(instantToEpochMs('2015-11-21T07:03:02-05:00')).toBe(moment);
    expect(instantToEpochMs('2015-11-21T17:33:02+05:30')).toBe(moment);
    expect(instantToEpochMs('2015-11-21T13:03:02+01')).toBe(moment);
    expect(instantToEpochMs('2015-11-21 12:03:02z')).toBe(moment); // RFC 3339 variants
    expect(instantToEpochMs('2015-11-21T12:03Z')).toBe(moment - 2000);
    expect(instantToEpochMs('2015-11-21T12:03:02.123456Z')).toBe(moment + 123); // truncated
    expect(instantToEpochMs('2015-11-21T12:03:02.5Z')).toBe(moment + 500);
    expect(instantToEpochMs('2015-11-21T24:00:00Z')).toBe(Date.UTC(2015, 10, 22));
    expect(instantToEpochMs('0050-01-01T00:00:00Z')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it('rejects a timestamp without an offset, whose day would depend on the host zone', () => {
    // Date.parse would read this in the local zone of the machine: 2024-01-02 on a server in
    // New York, 2024-01-01 in a browser in Tokyo.
    expect(() => instantToDay('2024-01-01T23:30:00')).toThrow(RangeError);
    expect(() => instantToDay('2024-01-01T23:30:00', 'UTC', 'createdAt')).toThrow(/createdAt/);
    expect(() => instantToEpochMs('2024-01-01')).toThrow(RangeError);
    expect(() => instantToEpochMs('March 7, 2024 10:00 GMT')).toThrow(RangeError);
  });

  it('rejects impossible dates and times instead of rolling them over', () => {
    expect(() => instantToEpochMs('2024-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => instantToEpochMs('2023-02-29T10:00:00Z')).toThrow(RangeError);
    expect(instantToEpochMs('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(() => instantToEpochMs('2024-13-01T10:00:00Z')).toThrow(RangeError);
    expect(() => instantToEpochMs('2024-01-01T24:30:00Z')).toThrow(RangeError);
    expect(() => instantToEpochMs('2024-01-01T10:60:00Z')).toThrow(RangeError);
    expect(() => instantToEpochMs('2024-01-01T10:00:00+24:00')).toThrow(RangeError);
  });

  it('agrees with Date.parse on every canonical ISO-8601 instant (property)', () => {
    const moment = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    const offsetMinutes = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(moment, offsetMinutes, (ms, offset) => {
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
        const sign = offset < 0 ? '-' : '+';
        const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
        const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
        const extended = `${local}${sign}${hours}:${minutes}`;
        expect(instantToEpochMs(extended)).toBe(Date.parse(extended));
        expect(instantToEpochMs(`${local}${sign}${hours}${minutes}`)).toBe(ms);
      }),
    );
  });

  it('takes days in any IANA zone as Intl does, near midnight and across DST (property)', () => {
    const zones = ['Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/Berlin'];
    const moment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(
      fc.property(moment, fc.constantFrom(...zones), (ms, zone) => {
        const expected = new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).format(new Date(ms));
        expect(epochMsToDay(ms, zone)).toBe(expected);
        expect(epochDayToDay(epochMsToEpochDay(ms, zone))).toBe(expected);
      }),
    );
  });

  it('names timeZone when the zone is unknown', () => {
    expect(() => instantToDay('2024-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(/timeZone/);
    expect(() => epochMsToEpochDay(0, 'Mars/Olympus')).toThrow(/timeZone/);
  });
});

describe('day arithmetic', () => {
  it('counts epoch days exactly, including years before 100 and century leap years', () => {
    expect(dayToEpochDay('1970-01-01')).toBe(0);
    expect(dayToEpochDay('2024-03-01')).toBe(19_783);
    expect(dayToEpochDay('2000-02-29') - dayToEpochDay('2000-02-28')).toBe(1);
    expect(() => dayToEpochDay('1900-02-29')).toThrow(RangeError);
    expect(epochDayToDay(dayToEpochDay('0050-06-15'))).toBe('0050-06-15');
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
  });

  it('names count when it is not a whole number of days', () => {
    expect(() => addDays('2024-01-31', 1.5)).toThrow(/count/);
  });

  it('checks a calendar once and answers working-day questions', () => {
    expect(isWorkingDay('2024-03-08')).toBe(true);
    expect(isWorkingDay('2024-03-09')).toBe(false);
    expect(isWorkingDay('2024-03-08', { nonWorkingWeekdays: [5], holidays: [] })).toBe(false);
    expect(() => indexCalendar({ nonWorkingWeekdays: [7], holidays: [] })).toThrow(
      /calendar\.nonWorkingWeekdays/,
    );
    expect(() => indexCalendar({ nonWorkingWeekdays: [], holidays: ['2024-02-30'] })).toThrow(
      /calendar\.holidays/,
    );
  });
});
