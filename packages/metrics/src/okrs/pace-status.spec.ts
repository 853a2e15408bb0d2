import { describe, expect, it } from '@jest/globals';
import { paceStatus } from '../index.js';

describe('paceStatus', () => {
  it('classifies by the gap between expected and actual progress (doc example)', () => {
    expect(paceStatus(0.4, 0.5)).toBe('on-track');
    expect(paceStatus(0.3, 0.5)).toBe('at-risk');
    expect(paceStatus(0.1, 0.5)).toBe('off-track');
    expect(paceStatus(0.9, 0.5)).toBe('on-track');
  });

  it('includes the thresholds themselves', () => {
    expect(paceStatus(0.25, 0.5, { atRisk: 0.25, offTrack: 0.5 })).toBe('at-risk');
    expect(paceStatus(0, 0.5, { atRisk: 0.25, offTrack: 0.5 })).toBe('off-track');
    expect(paceStatus(0.5, 0.8)).toBe('off-track');
  });

  it('accepts custom thresholds', () => {
    expect(paceStatus(0.45, 0.5, { atRisk: 0.05, offTrack: 0.1 })).toBe('at-risk');
    expect(paceStatus(0.35, 0.5, { atRisk: 0.05, offTrack: 0.1 })).toBe('off-track');
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => paceStatus(0.5, 0.5, { atRisk: 0.4, offTrack: 0.2 })).toThrow(/offTrack/);
    expect(() => paceStatus(0.5, 0.5, { atRisk: -0.1 })).toThrow(/atRisk/);
    expect(() => paceStatus(Number.NaN, 0.5)).toThrow(/progress/);
    expect(() => paceStatus(0.5, Infinity)).toThrow(/expected/);
  });
});
