import { describe, expect, it } from '@jest/globals';
import { riskScore } from '../index.js';

describe('riskScore', () => {
  it('multiplies probability by impact on the 5 × 5 matrix', () => {
    expect(riskScore({ probability: 3, impact: 5 })).toBe(15);
    expect(riskScore({ probability: 1, impact: 1 })).toBe(1);
    expect(riskScore({ probability: 5, impact: 5 })).toBe(25);
  });

  it('names the argument that is off the scale', () => {
    expect(() => riskScore({ probability: 0, impact: 3 })).toThrow(/probability/);
    expect(() => riskScore({ probability: 2, impact: 2.5 })).toThrow(/impact/);
  });
});
