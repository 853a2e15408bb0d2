import { describe, expect, it } from '@jest/globals';
import { draftRequestOf, linesToItems } from './report-draft-fields';

describe('linesToItems', () => {
  it('keeps one trimmed item per non-blank line', () => {
    expect(linesToItems('  Beta shipped \n\n  Pilot signed\n   ')).toEqual([
      'Beta shipped',
      'Pilot signed',
    ]);
    expect(linesToItems('')).toEqual([]);
  });
});

describe('draftRequestOf', () => {
  it('sends a blank reason as null and the lists as arrays', () => {
    expect(
      draftRequestOf({
        health: 'at-risk',
        healthReason: '  ',
        summary: 'Slipping.',
        highlights: 'A\nB',
        lowlights: '',
        asks: 'Budget',
      }),
    ).toEqual({
      health: 'at-risk',
      healthReason: null,
      summary: 'Slipping.',
      highlights: ['A', 'B'],
      lowlights: [],
      asks: ['Budget'],
    });
  });
});
