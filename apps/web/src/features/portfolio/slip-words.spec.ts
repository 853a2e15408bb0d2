import { describe, expect, it } from '@jest/globals';
import { slipInWords } from './slip-words';

describe('slipInWords', () => {
  it.each([
    [0, 'on its baseline'],
    [-3, 'on its baseline'],
    [1, '1 day late'],
    [10, '10 days late'],
    [7, '1 week late'],
    [21, '3 weeks late'],
  ])('%i days → %s', (days, words) => {
    expect(slipInWords(days)).toBe(words);
  });
});
