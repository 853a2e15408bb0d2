import { describe, expect, it } from '@jest/globals';
import { timeAgo } from './time-ago';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('timeAgo', () => {
  it('says how long ago to the unit a person cares about', () => {
    expect(timeAgo('2026-12-07T09:59:30Z', NOW)).toBe('just now');
    expect(timeAgo('2026-12-07T09:56:00Z', NOW)).toBe('4 min ago');
    expect(timeAgo('2026-12-07T07:00:00Z', NOW)).toBe('3 h ago');
    expect(timeAgo('2026-12-06T09:00:00Z', NOW)).toBe('1 day ago');
    expect(timeAgo('2026-12-01T10:00:00Z', NOW)).toBe('6 days ago');
    // A server clock slightly ahead of the browser's is not "in the future".
    expect(timeAgo('2026-12-07T10:00:20Z', NOW)).toBe('just now');
  });
});
