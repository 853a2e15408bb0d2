import { describe, expect, it } from '@jest/globals';
import { pointsPhrase } from './points-phrase';

describe('pointsPhrase', () => {
  it.each([
    [1, '1 point'],
    [2, '2 points'],
    [0, '0 points'],
    [0.5, '0.5 points'],
    [1.5, '1.5 points'],
    [1.04, '1 point'],
    [35.17, '35.2 points'],
    [null, 'unestimated'],
  ])('writes %p as %p', (value, words) => {
    expect(pointsPhrase(value)).toBe(words);
  });
});
