import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluateGuardrail, type GuardrailInput } from '../index.js';

describe('evaluateGuardrail', () => {
  it('warns once 80 % of a relative margin is used (doc example)', () => {
    expect(
      evaluateGuardrail({
        direction: 'decrease-is-good',
        baseline: 200,
        threshold: { type: 'relative', value: 0.1 },
        value: 217,
      }),
    ).toEqual({
      status: 'warning',
      limit: expect.closeTo(220, 9),
      deterioration: expect.closeTo(17, 9),
      marginUsed: expect.closeTo(0.85, 12),
    });
  });

  it('is ok below the warning share, warns at it and is breached only strictly past the limit', () => {
    const conversion = (value: number) =>
      evaluateGuardrail({
        direction: 'increase-is-good',
        baseline: 0.5,
        threshold: { type: 'absolute', value: 0.05 },
        value,
      });
    expect(conversion(0.47).status).toBe('ok');
    expect(conversion(0.46).status).toBe('warning'); // 0.04 = 0.8 × 0.05
    expect(conversion(0.45).status).toBe('warning'); // exactly at the limit
    expect(conversion(0.449).status).toBe('breached');
    expect(conversion(0.45).limit).toBeCloseTo(0.45);
    expect(conversion(0.45).marginUsed).toBeCloseTo(1);
  });

  it('reproduces a hand-computed relative guardrail on a rate where higher is better', () => {
    // margin = 0.2 × 0.25 = 0.05, limit 0.15; 0.16 is 0.04 worse = 80 % of the margin
    const rate = (value: number) =>
      evaluateGuardrail({
        direction: 'increase-is-good',
        baseline: 0.2,
        threshold: { type: 'relative', value: 0.25 },
        value,
      });
    expect(rate(0.16)).toEqual({
      status: 'warning',
      limit: expect.closeTo(0.15, 12),
      deterioration: expect.closeTo(0.04, 12),
      marginUsed: expect.closeTo(0.8, 12),
    });
    expect(rate(0.17).status).toBe('ok');
    expect(rate(0.15).status).toBe('warning');
    expect(rate(0.1499).status).toBe('breached');
  });

  it('reports no deterioration when the value improved', () => {
    const result = evaluateGuardrail({
      direction: 'decrease-is-good',
      baseline: 3,
      threshold: { type: 'absolute', value: 1 },
      value: 2,
      warnAt: 0,
    });
    expect(result).toEqual({ status: 'ok', limit: 4, deterioration: 0, marginUsed: 0 });
  });

  it('uses |baseline| for a relative margin on a negative baseline', () => {
    const result = evaluateGuardrail({
      direction: 'increase-is-good',
      baseline: -50,
      threshold: { type: 'relative', value: 0.2 },
      value: -62,
    });
    expect(result.limit).toBe(-60);
    expect(result.status).toBe('breached');
  });

  it('treats a zero margin as "no worse than baseline"', () => {
    const zero = (value: number) =>
      evaluateGuardrail({
        direction: 'decrease-is-good',
        baseline: 0,
        threshold: { type: 'relative', value: 0.1 },
        value,
      });
    expect(zero(0)).toEqual({ status: 'ok', limit: 0, deterioration: 0, marginUsed: null });
    expect(zero(0.1).status).toBe('breached');
  });

  it('honours a custom warnAt', () => {
    const input: GuardrailInput = {
      direction: 'decrease-is-good',
      baseline: 100,
      threshold: { type: 'absolute', value: 10 },
      value: 105,
      warnAt: 0.5,
    };
    expect(evaluateGuardrail(Object.freeze(input)).status).toBe('warning');
    expect(evaluateGuardrail({ ...input, warnAt: 0.6 }).status).toBe('ok');
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    const valid: GuardrailInput = {
      direction: 'increase-is-good',
      baseline: 1,
      threshold: { type: 'absolute', value: 1 },
      value: 1,
    };
    expect(() =>
      evaluateGuardrail({ ...valid, threshold: { type: 'absolute', value: -1 } }),
    ).toThrow(/threshold\.value/);
    expect(() =>
      evaluateGuardrail({ ...valid, threshold: { type: 'percent' as 'relative', value: 1 } }),
    ).toThrow(/threshold\.type/);
    expect(() => evaluateGuardrail({ ...valid, warnAt: 1.5 })).toThrow(/warnAt/);
    expect(() => evaluateGuardrail({ ...valid, value: Number.NaN })).toThrow(/value/);
    expect(() => evaluateGuardrail({ ...valid, direction: 'up' as 'increase-is-good' })).toThrow(
      /direction/,
    );
  });

  it('mirrors: negating baseline and value and swapping direction gives the same status (property)', () => {
    const input = fc.record({
      direction: fc.constantFrom('increase-is-good' as const, 'decrease-is-good' as const),
      baseline: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      threshold: fc.record({
        type: fc.constantFrom('absolute' as const, 'relative' as const),
        value: fc.double({ min: 0, max: 1e3, noNaN: true }),
      }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      warnAt: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(input, (original) => {
        const mirrored = evaluateGuardrail({
          ...original,
          direction:
            original.direction === 'increase-is-good' ? 'decrease-is-good' : 'increase-is-good',
          baseline: -original.baseline,
          value: -original.value,
        });
        const result = evaluateGuardrail(original);
        expect(mirrored.status).toBe(result.status);
        expect(mirrored.limit).toBeCloseTo(-result.limit, 6);
        expect(mirrored.deterioration).toBe(result.deterioration);
        expect(mirrored.marginUsed).toBe(result.marginUsed);
      }),
    );
  });
});
