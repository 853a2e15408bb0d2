import { describe, expect, it } from '@jest/globals';
import type { SprintAvailability } from '@bearing/contracts';
import {
  availabilityChanged,
  availabilityDraft,
  availabilityRequest,
  sprintWorkingDays,
} from './availability-draft';

const ANA = '00000000-0000-4000-8000-0000000000a1';
const BO = '00000000-0000-4000-8000-0000000000b2';

const saved: SprintAvailability = Object.freeze({
  sprintId: '00000000-0000-4000-8000-0000000000c3',
  version: 3,
  members: [
    { memberId: ANA, displayName: 'Ana', defaultAllocation: 1, allocation: null, daysOff: [] },
    {
      memberId: BO,
      displayName: 'Bo',
      defaultAllocation: 0.5,
      allocation: 0.25,
      daysOff: ['2026-11-20', '2026-11-18'],
    },
  ],
});

describe('availability draft', () => {
  it('shows shares as percentages and days off in order', () => {
    expect(availabilityDraft(saved)).toEqual([
      { memberId: ANA, displayName: 'Ana', defaultPercent: 100, percent: null, daysOff: [] },
      {
        memberId: BO,
        displayName: 'Bo',
        defaultPercent: 50,
        percent: 25,
        daysOff: ['2026-11-18', '2026-11-20'],
      },
    ]);
  });

  it('sends shares back as 0–1, the usual share as null, days off once each', () => {
    const draft = availabilityDraft(saved);
    draft[0] = { ...draft[0]!, percent: 60, daysOff: ['2026-11-19', '2026-11-19'] };
    draft[1] = { ...draft[1]!, percent: 50 };
    expect(availabilityRequest(draft, saved.version)).toEqual({
      version: 3,
      members: [
        { memberId: ANA, allocation: 0.6, daysOff: ['2026-11-19'] },
        { memberId: BO, allocation: null, daysOff: ['2026-11-18', '2026-11-20'] },
      ],
    });
    expect(availabilityChanged(draft, saved)).toBe(true);
    expect(availabilityChanged(availabilityDraft(saved), saved)).toBe(false);
  });
});

describe('sprintWorkingDays', () => {
  it('lists the sprint’s days without weekends and team holidays', () => {
    // Mon 16 … Sun 22 November 2026, Thursday a holiday.
    expect(
      sprintWorkingDays('2026-11-16', '2026-11-22', {
        nonWorkingWeekdays: [0, 6],
        holidays: ['2026-11-19'],
      }),
    ).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20']);
  });

  it('is empty when the sprint ends before it starts', () => {
    expect(
      sprintWorkingDays('2026-11-16', '2026-11-15', { nonWorkingWeekdays: [], holidays: [] }),
    ).toEqual([]);
  });
});
