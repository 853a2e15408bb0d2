import { describe, expect, it } from '@jest/globals';
import { describeRolledUpFrom } from './rolled-up-from';

describe('describeRolledUpFrom', () => {
  it('names the aligned objectives, and the own key results beside them', () => {
    expect(describeRolledUpFrom({ rolledUpFrom: { keyResults: 0, objectives: 3 } })).toBe(
      'Rolled up from 3 aligned objectives',
    );
    expect(describeRolledUpFrom({ rolledUpFrom: { keyResults: 1, objectives: 1 } })).toBe(
      'Rolled up from 1 key result and 1 aligned objective',
    );
  });

  it('says nothing when only the objective’s own key results count', () => {
    expect(describeRolledUpFrom({ rolledUpFrom: { keyResults: 2, objectives: 0 } })).toBeNull();
    expect(describeRolledUpFrom({ rolledUpFrom: { keyResults: 0, objectives: 0 } })).toBeNull();
  });
});
