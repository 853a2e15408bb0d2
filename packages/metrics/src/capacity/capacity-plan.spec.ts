import { describe, expect, it } from '@jest/globals';
import { capacityPlan, type CapacityPlanInput } from '../index.js';

// Monday 2024-03-04 … Friday 2024-03-15: ten working days.
const sprint = { start: '2024-03-04', end: '2024-03-15' };

describe('capacityPlan', () => {
  it('reproduces the doc example', () => {
    const plan = capacityPlan({
      sprint,
      members: [
        { id: 'ana', allocation: 1, daysOff: ['2024-03-08'] },
        { id: 'ben', allocation: 0.5, daysOff: [] },
      ],
      history: [
        { completed: 20, availablePersonDays: 10 },
        { completed: 36, availablePersonDays: 12 },
      ],
    });
    expect(plan.workingDays).toBe(10);
    expect(plan.availablePersonDays).toBe(14);
    expect(plan.pointsPerPersonDay).toBeCloseTo(56 / 22);
    expect(plan.forecast!.low).toBeCloseTo(28);
    expect(plan.forecast!.expected).toBeCloseTo((56 / 22) * 14);
    expect(plan.forecast!.high).toBeCloseTo(42);
  });

  it('subtracts team holidays once and counts days off only on working days, once each', () => {
    const plan = capacityPlan({
      sprint,
      calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-11'] },
      members: [
        {
          id: 'ana',
          allocation: 1,
          // holiday, Saturday, outside the sprint, and one real day off listed twice
          daysOff: ['2024-03-11', '2024-03-09', '2024-03-18', '2024-03-12', '2024-03-12'],
        },
        { id: 'ben', allocation: 1, daysOff: [] },
      ],
      history: [],
    });
    expect(plan.workingDays).toBe(9);
    expect(plan.availablePersonDays).toBe(8 + 9);
  });

  it('scales by partial allocation and applies the focus factor to every forecast', () => {
    const plan = capacityPlan({
      sprint,
      members: [
        { id: 'ana', allocation: 0.5, daysOff: ['2024-03-04', '2024-03-05'] },
        { id: 'ben', allocation: 0.25, daysOff: [] },
        { id: 'cy', allocation: 0, daysOff: [] },
      ],
      history: [{ completed: 30, availablePersonDays: 15 }],
      focusFactor: 0.8,
    });
    expect(plan.availablePersonDays).toBeCloseTo(0.5 * 8 + 0.25 * 10);
    expect(plan.pointsPerPersonDay).toBe(2);
    expect(plan.forecast!.expected).toBeCloseTo(2 * 6.5 * 0.8);
    expect(plan.forecast!.low).toBeCloseTo(plan.forecast!.expected);
    expect(plan.forecast!.high).toBeCloseTo(plan.forecast!.expected);
  });

  it('has no rate and no forecast without history or with zero person-days', () => {
    const base: CapacityPlanInput = {
      sprint,
      members: [{ id: 'ana', allocation: 1, daysOff: [] }],
      history: [],
    };
    expect(capacityPlan(base)).toEqual({
      workingDays: 10,
      availablePersonDays: 10,
      pointsPerPersonDay: null,
      forecast: null,
    });
    const zero = capacityPlan({ ...base, history: [{ completed: 5, availablePersonDays: 0 }] });
    expect(zero.pointsPerPersonDay).toBeNull();
    expect(zero.forecast).toBeNull();
  });

  it('skips past sprints without person-days when finding the lowest and highest rate', () => {
    const plan = capacityPlan({
      sprint,
      members: [{ id: 'ana', allocation: 1, daysOff: [] }],
      history: [
        { completed: 0, availablePersonDays: 0 },
        { completed: 10, availablePersonDays: 10 },
        { completed: 30, availablePersonDays: 10 },
      ],
    });
    expect(plan.forecast).toEqual({ low: 10, expected: 20, high: 30 });
  });

  it('does not mutate its inputs', () => {
    const input: CapacityPlanInput = Object.freeze({
      sprint: Object.freeze({ ...sprint }),
      members: Object.freeze([
        Object.freeze({ id: 'ana', allocation: 1, daysOff: Object.freeze(['2024-03-05']) }),
      ]) as unknown as CapacityPlanInput['members'],
      history: Object.freeze([
        Object.freeze({ completed: 9, availablePersonDays: 9 }),
      ]) as unknown as CapacityPlanInput['history'],
    });
    expect(capacityPlan(input).availablePersonDays).toBe(9);
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    const member = { id: 'ana', allocation: 1, daysOff: [] };
    const valid: CapacityPlanInput = { sprint, members: [member], history: [] };
    expect(() =>
      capacityPlan({ ...valid, members: [member, { ...member, allocation: 1.2 }] }),
    ).toThrow(/members\[1\]\.allocation/);
    expect(() => capacityPlan({ ...valid, members: [{ ...member, allocation: -0.1 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      capacityPlan({ ...valid, sprint: { start: '2024-03-15', end: '2024-03-04' } }),
    ).toThrow(/sprint\.end/);
    expect(() =>
      capacityPlan({ ...valid, members: [{ ...member, daysOff: ['2024-02-30'] }] }),
    ).toThrow(/members\[0\]\.daysOff\[0\]/);
    expect(() =>
      capacityPlan({ ...valid, history: [{ completed: -1, availablePersonDays: 3 }] }),
    ).toThrow(/history\[0\]\.completed/);
    expect(() =>
      capacityPlan({ ...valid, history: [{ completed: 1, availablePersonDays: -3 }] }),
    ).toThrow(/history\[0\]\.availablePersonDays/);
    expect(() => capacityPlan({ ...valid, focusFactor: 1.5 })).toThrow(/focusFactor/);
  });
});
