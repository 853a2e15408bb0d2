import { afterEach, describe, expect, it } from '@jest/globals';
import { dayInWords, slipWords } from './day-words.js';

describe('dayInWords', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes a day as the web app does: "Nov 30, 2026"', () => {
    expect(dayInWords('2026-11-30')).toBe('Nov 30, 2026');
    expect(dayInWords('2026-03-02')).toBe('Mar 2, 2026');
    expect(dayInWords('2024-02-29')).toBe('Feb 29, 2024');
  });

  it('gives the same day whatever the server’s time zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'America/Santiago']) {
      process.env.TZ = timeZone;
      expect(dayInWords('2026-09-06')).toBe('Sep 6, 2026');
      expect(dayInWords('2026-01-01')).toBe('Jan 1, 2026');
    }
  });

  it('refuses what is not a calendar day, naming it', () => {
    expect(() => dayInWords('2026-02-30')).toThrow(RangeError);
    expect(() => dayInWords('2026-11-30T10:00:00Z')).toThrow(/2026-11-30T10:00:00Z/);
  });
});

describe('slipWords', () => {
  it('says late, early or on time', () => {
    expect(slipWords(21)).toBe('21 days late');
    expect(slipWords(-1)).toBe('1 day early');
    expect(slipWords(0)).toBe('on time');
  });
});
