import { describe, expect, it } from '@jest/globals';
import { HEALTH_STYLES } from '../programs/program-labels';
import { REPORT_STATE_STYLES } from './review-labels';

describe('report state badges', () => {
  it('look unlike health badges: outlined, in colours no health uses', () => {
    const healthColors = Object.values(HEALTH_STYLES).map((style) => style.color);
    for (const [state, style] of Object.entries(REPORT_STATE_STYLES)) {
      expect({ state, variant: style.variant }).toEqual({ state, variant: 'outline' });
      expect({ state, healthColor: healthColors.includes(style.color) }).toEqual({
        state,
        healthColor: false,
      });
    }
  });

  it('gives each state its own shape', () => {
    const shapes = Object.values(REPORT_STATE_STYLES).map((style) => style.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
  });
});
