import { describe, expect, it } from '@jest/globals';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [350, '350 ms'],
    [1_000, '1 s'],
    [1_200, '1.2 s'],
    [9_960, '10 s'],
    [42_400, '42 s'],
    [59_400, '59 s'],
    // Rounds to a minute rather than writing "60 s".
    [59_600, '1 min'],
    [180_000, '3 min'],
    [200_000, '3 min'],
    [3_570_000, '1 h'],
    [3_900_000, '1 h 5 min'],
    [7_200_000, '2 h'],
  ])('writes %p ms as %p', (milliseconds, written) => {
    expect(formatDuration(milliseconds)).toBe(written);
  });
});
