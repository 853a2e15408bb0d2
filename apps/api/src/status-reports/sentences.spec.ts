import { describe, expect, it } from '@jest/globals';
import { joinSentences, sentence, withoutFullStop } from './sentences.js';

describe('sentences of generated report text', () => {
  it('ends a sentence with one full stop, whatever it came with', () => {
    expect(sentence('Vendor SDK late')).toBe('Vendor SDK late.');
    expect(sentence('Vendor SDK late.')).toBe('Vendor SDK late.');
    expect(sentence('Vendor SDK late... ')).toBe('Vendor SDK late.');
    expect(sentence('Is the date real?')).toBe('Is the date real?');
    expect(sentence('  ')).toBe('');
  });

  it('strips the full stop of a clause that goes inside another sentence', () => {
    expect(withoutFullStop('Legal review.')).toBe('Legal review');
    expect(withoutFullStop('v2.1 ')).toBe('v2.1');
  });

  it('joins sentences with one space and never a doubled full stop', () => {
    expect(joinSentences(['It is at risk.', 'Beta moved', '', 'Two more to watch..'])).toBe(
      'It is at risk. Beta moved. Two more to watch.',
    );
  });
});
