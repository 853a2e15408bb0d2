import { describe, expect, it } from '@jest/globals';
import { NO_TREND, shiftedSeries, xmrStatus } from '../../test-utils/okr-fixtures';
import { xmrStatusDetail, xmrStatusStyle, xmrStatusWindow } from './xmr-status-words';

describe('XmR status words', () => {
  it('names a signal by its first rule and tells when and what in the detail', () => {
    expect(xmrStatusStyle(xmrStatus())).toEqual({
      label: 'Signal: beyond the limits',
      color: 'orange',
      shape: 'diamond',
    });
    expect(xmrStatusDetail(xmrStatus(), 'ms')).toBe(
      'Nov 26: 262 ms, beyond the limits; jump beyond the range limit — a real change, not noise',
    );
  });

  it('says where the limits come from, provisional or not, and after which shift', () => {
    expect(xmrStatusWindow(xmrStatus())).toBe(
      'Provisional limits from the 4 values from Nov 23 to Nov 26',
    );
    expect(xmrStatusWindow(shiftedSeries().status)).toBe(
      'Provisional limits from the 12 values from Nov 15 to Nov 26, after a shift up',
    );
    const hourly = {
      ...xmrStatus(),
      limits: {
        ...xmrStatus().limits!,
        window: {
          from: '2026-11-26T01:00:00.000Z',
          to: '2026-11-26T20:00:00.000Z',
          count: 20,
          provisional: false,
        },
      },
    };
    expect(xmrStatusWindow(hourly)).toBe('Limits from the 20 values of Nov 26');
  });

  it('is routine without a recent signal, and too few values without limits', () => {
    const routine = { ...xmrStatus(), state: 'routine' as const, signal: null };
    expect(xmrStatusStyle(routine).label).toBe('Routine variation');
    expect(xmrStatusDetail(routine, 'ms')).toBe(
      'No signal in the last 7 values: only routine variation',
    );
    expect(xmrStatusStyle(NO_TREND.status).label).toBe('Too few values');
    expect(xmrStatusWindow(NO_TREND.status)).toBeNull();
  });
});
