import { describe, expect, it } from '@jest/globals';
import { fittedRange, flowRange, wholeSpan } from './flow-range';

const TODAY = '2026-11-26';

describe('flowRange', () => {
  it('defaults to the last 90 days, today included', () => {
    expect(flowRange({ flow: null, from: null, to: null }, TODAY)).toEqual({
      preset: '90d',
      from: '2026-08-29',
      to: TODAY,
      error: null,
    });
  });

  it('moves a preset with today', () => {
    expect(flowRange({ flow: '30d', from: null, to: null }, TODAY)).toMatchObject({
      preset: '30d',
      from: '2026-10-28',
      to: TODAY,
    });
  });

  it('uses typed days, the end defaulting to today', () => {
    expect(flowRange({ flow: '30d', from: '2026-01-01', to: null }, TODAY)).toEqual({
      preset: 'custom',
      from: '2026-01-01',
      to: TODAY,
      error: null,
    });
  });

  it('names the field when typed days cannot be used, and keeps showing the default', () => {
    expect(flowRange({ flow: null, from: '2026-11-20', to: '2026-11-01' }, TODAY)).toEqual({
      preset: 'custom',
      from: '2026-08-29',
      to: TODAY,
      error: { field: 'to', message: 'Must not be before the start day' },
    });
    expect(flowRange({ flow: null, from: '2020-01-01', to: TODAY }, TODAY).error).toEqual({
      field: 'from',
      message: 'The range may span at most 3 years',
    });
    expect(flowRange({ flow: null, from: 'soon', to: null }, TODAY).error?.field).toBe('from');
  });
});

describe('the default range fitted to the data', () => {
  it('is the data’s last 90 days, ending on its last day, when the last 90 days hold none', () => {
    expect(
      flowRange({ flow: null, from: null, to: null }, TODAY, {
        first: '2024-06-01',
        last: '2025-03-30',
      }),
    ).toEqual({ preset: 'data', from: '2024-12-31', to: '2025-03-30', error: null });
  });

  it('starts on the first day of data spanning fewer than 90 days', () => {
    expect(fittedRange({ first: '2025-03-01', last: '2025-03-30' }, TODAY)).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-30',
    });
  });

  it('keeps the 90 days to today when data reaches into them, or there is none', () => {
    expect(fittedRange({ first: '2024-01-01', last: '2026-08-29' }, TODAY)).toBeNull();
    expect(fittedRange({ first: null, last: null }, TODAY)).toBeNull();
    expect(fittedRange(null, TODAY)).toBeNull();
  });

  it('never overrides a chosen preset or typed days', () => {
    const span = { first: '2024-06-01', last: '2025-03-30' };
    expect(flowRange({ flow: '30d', from: null, to: null }, TODAY, span).preset).toBe('30d');
    expect(flowRange({ flow: null, from: '2026-01-01', to: null }, TODAY, span)).toMatchObject({
      preset: 'custom',
      from: '2026-01-01',
    });
  });

  it('offers all of the data, at most the three years the API accepts', () => {
    expect(wholeSpan({ first: '2025-01-05', last: '2025-03-30' })).toEqual({
      from: '2025-01-05',
      to: '2025-03-30',
    });
    expect(wholeSpan({ first: '2015-01-01', last: '2025-03-30' })?.from).toBe('2022-03-28');
  });
});
