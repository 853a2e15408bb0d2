import { describe, expect, it } from '@jest/globals';
import { flowRange } from './flow-range';

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
