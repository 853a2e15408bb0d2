import { type Calendar, DEFAULT_CALENDAR, type Day, dayToEpochDay } from '../days/index.js';
import { workingDays } from './working-days.js';

export type TeamMember = {
  id: string;
  /** Share of the member's time given to this team, 0 … 1. */
  allocation: number;
  /** The member's own days off; only those on working days of the sprint count. */
  daysOff: Day[];
};

/** A past sprint: what was completed and the person-days that were available for it. */
export type CapacityHistory = { completed: number; availablePersonDays: number };

export type CapacityPlanInput = {
  sprint: { start: Day; end: Day };
  /** Team calendar: weekends and team holidays. Default Saturday and Sunday off. */
  calendar?: Calendar;
  members: TeamMember[];
  history: CapacityHistory[];
  /** Share of available time expected to go to sprint work, 0 … 1; default 1. */
  focusFactor?: number;
};

export type CapacityForecast = { low: number; expected: number; high: number };

export type CapacityPlan = {
  /** Number of working days in the sprint (team holidays and weekends excluded). */
  workingDays: number;
  /** Σ allocation × (working days − the member's working days off). */
  availablePersonDays: number;
  /** Σ completed ÷ Σ availablePersonDays over `history`; `null` with no history or zero days. */
  pointsPerPersonDay: number | null;
  /** Points the sprint can take; `null` when `pointsPerPersonDay` is. */
  forecast: CapacityForecast | null;
};

/**
 * Capacity-based sprint planning with "yesterday's weather": how much the team can take on,
 * from the person-days it has and the rate at which it turned person-days into points before.
 *
 * - `workingDays` = working days of the sprint in `calendar`; team holidays live in the
 *   calendar, so they are subtracted once, for everyone.
 * - A member's available days = `allocation × (workingDays − own days off on those working
 *   days)`; days off on weekends, team holidays or outside the sprint, and repeated days, do
 *   not count twice.
 * - `pointsPerPersonDay` = `Σ completed ÷ Σ availablePersonDays` over `history` — a weighted
 *   rate, so a short sprint does not count as much as a long one.
 * - `expected` = `pointsPerPersonDay × availablePersonDays × focusFactor`; `low` / `high` use
 *   the lowest / highest single-sprint rate (`completed ÷ availablePersonDays` of a past sprint
 *   with days > 0) instead.
 *
 * Sources: Henrik Kniberg, "Scrum and XP from the Trenches" (2007), "Estimating velocity"
 * (available man-days × a focus factor derived from past sprints); "yesterday's weather" from
 * Kent Beck & Martin Fowler, "Planning Extreme Programming" (2000); Scrum.org, "What is Sprint
 * Planning?" (capacity as an input to the Sprint forecast).
 *
 * @example
 * capacityPlan({
 *   sprint: { start: '2024-03-04', end: '2024-03-15' }, // 10 working days
 *   members: [
 *     { id: 'ana', allocation: 1, daysOff: ['2024-03-08'] },
 *     { id: 'ben', allocation: 0.5, daysOff: [] },
 *   ],
 *   history: [
 *     { completed: 20, availablePersonDays: 10 },
 *     { completed: 36, availablePersonDays: 12 },
 *   ],
 * });
 * // → { workingDays: 10, availablePersonDays: 14, pointsPerPersonDay: 2.545…,
 * //     forecast: { low: 28, expected: 35.63…, high: 42 } }
 */
export function capacityPlan(input: CapacityPlanInput): CapacityPlan {
  const { sprint, calendar = DEFAULT_CALENDAR, members, history, focusFactor = 1 } = input;
  if (!Number.isFinite(focusFactor) || focusFactor < 0 || focusFactor > 1) {
    throw new RangeError(`focusFactor must be between 0 and 1, got ${String(focusFactor)}`);
  }
  dayToEpochDay(sprint.start, 'sprint.start');
  dayToEpochDay(sprint.end, 'sprint.end');
  if (sprint.end < sprint.start) {
    throw new RangeError(`sprint.end (${sprint.end}) is before sprint.start (${sprint.start})`);
  }
  const sprintDays = new Set(workingDays(sprint.start, sprint.end, calendar));

  let availablePersonDays = 0;
  members.forEach((member, index) => {
    if (!Number.isFinite(member.allocation) || member.allocation < 0 || member.allocation > 1) {
      throw new RangeError(
        `members[${index}].allocation must be between 0 and 1, got ${String(member.allocation)}`,
      );
    }
    const offWorkingDays = new Set<Day>();
    member.daysOff.forEach((day, dayIndex) => {
      dayToEpochDay(day, `members[${index}].daysOff[${dayIndex}]`);
      if (sprintDays.has(day)) offWorkingDays.add(day);
    });
    availablePersonDays += member.allocation * (sprintDays.size - offWorkingDays.size);
  });

  const pointsPerPersonDay = yesterdaysWeather(history);
  const rates = history
    .filter((sprintHistory) => sprintHistory.availablePersonDays > 0)
    .map((sprintHistory) => sprintHistory.completed / sprintHistory.availablePersonDays);
  const forecastAt = (rate: number): number => rate * availablePersonDays * focusFactor;
  return {
    workingDays: sprintDays.size,
    availablePersonDays,
    pointsPerPersonDay,
    forecast:
      pointsPerPersonDay === null
        ? null
        : {
            low: forecastAt(Math.min(...rates)),
            expected: forecastAt(pointsPerPersonDay),
            high: forecastAt(Math.max(...rates)),
          },
  };
}

/** Σ completed ÷ Σ availablePersonDays, validating each past sprint. */
function yesterdaysWeather(history: readonly CapacityHistory[]): number | null {
  let completed = 0;
  let personDays = 0;
  history.forEach((sprintHistory, index) => {
    for (const key of ['completed', 'availablePersonDays'] as const) {
      if (!Number.isFinite(sprintHistory[key]) || sprintHistory[key] < 0) {
        throw new RangeError(
          `history[${index}].${key} must be a finite number ≥ 0, got ${String(sprintHistory[key])}`,
        );
      }
    }
    completed += sprintHistory.completed;
    personDays += sprintHistory.availablePersonDays;
  });
  return personDays === 0 ? null : completed / personDays;
}
