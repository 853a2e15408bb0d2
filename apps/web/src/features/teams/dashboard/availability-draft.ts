import type { PutSprintAvailabilityRequest, SprintAvailability, Team } from '@bearing/contracts';
import { addDays } from '../../../components/format';

/** One member's row in the availability editor, as typed. */
export interface MemberAvailabilityDraft {
  memberId: string;
  displayName: string;
  /** The member's usual share of time, 0–100 %. */
  defaultPercent: number;
  /** This sprint's share, 0–100 %; `null` = the usual share. */
  percent: number | null;
  daysOff: string[];
}

export function availabilityDraft(availability: SprintAvailability): MemberAvailabilityDraft[] {
  return availability.members.map((member) => ({
    memberId: member.memberId,
    displayName: member.displayName,
    defaultPercent: toPercent(member.defaultAllocation),
    percent: member.allocation === null ? null : toPercent(member.allocation),
    daysOff: [...member.daysOff].sort(),
  }));
}

/**
 * The PUT body: every member, allocation as a share (0–1) or `null` for the usual one, and the
 * `version` the draft was made from (a stale one is refused). A share equal to the usual one
 * is sent as `null`, so a later change of the default still applies while the sprint is open (a
 * closed sprint keeps the default it closed with).
 */
export function availabilityRequest(
  draft: readonly MemberAvailabilityDraft[],
  version: number,
): PutSprintAvailabilityRequest {
  return { version, members: requestMembers(draft) };
}

/** Whether the editor differs from what is saved. */
export function availabilityChanged(
  draft: readonly MemberAvailabilityDraft[],
  saved: SprintAvailability,
): boolean {
  return (
    JSON.stringify(requestMembers(draft)) !==
    JSON.stringify(requestMembers(availabilityDraft(saved)))
  );
}

/** Whether two answers of the server hold the same availability (the same version included). */
export function sameAvailability(a: SprintAvailability, b: SprintAvailability): boolean {
  return a.version === b.version && !availabilityChanged(availabilityDraft(a), b);
}

function requestMembers(
  draft: readonly MemberAvailabilityDraft[],
): PutSprintAvailabilityRequest['members'] {
  return draft.map((member) => ({
    memberId: member.memberId,
    allocation:
      member.percent === null || member.percent === member.defaultPercent
        ? null
        : member.percent / 100,
    daysOff: [...new Set(member.daysOff)].sort(),
  }));
}

/**
 * The sprint's working days (`start` … `end`, inclusive, in the team's calendar): the days a
 * member can take off. Days off elsewhere would not change the capacity.
 */
export function sprintWorkingDays(
  start: string,
  end: string,
  calendar: Team['calendar'],
): string[] {
  const holidays = new Set(calendar.holidays);
  const days: string[] = [];
  for (let day = start; day <= end && days.length < 366; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
    if (!calendar.nonWorkingWeekdays.includes(weekday) && !holidays.has(day)) days.push(day);
  }
  return days;
}

function toPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}
