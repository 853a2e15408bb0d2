import type {
  Milestone as MilestoneResponse,
  MilestoneDateChange as ChangeResponse,
} from '@bearing/contracts';
import { type Day, isMilestoneOverdue, milestoneSlipDays } from '@bearing/metrics';
import type { MilestoneDateChange } from './milestone-date-change.entity.js';
import type { Milestone } from './milestone.entity.js';

/**
 * For date changes loaded with their author, oldest first. `today` (the clock's UTC day) is
 * what an open milestone's slip is measured to once its current date has passed.
 */
export function toMilestoneResponse(
  milestone: Milestone,
  history: readonly MilestoneDateChange[],
  today: Day,
): MilestoneResponse {
  return {
    id: milestone.id,
    programId: milestone.programId,
    name: milestone.name,
    baselineDate: milestone.baselineDate,
    currentDate: milestone.currentDate,
    completedAt: milestone.completedAt,
    // Days late against the baseline (negative: early), to the completion day once completed;
    // while open, to today once its current date has passed.
    slipDays: milestoneSlipDays({ ...milestone, asOf: today }),
    overdue: isMilestoneOverdue({ ...milestone, asOf: today }),
    history: history.map(toDateChangeResponse),
    createdAt: milestone.createdAt.toISOString(),
    updatedAt: milestone.updatedAt.toISOString(),
    version: milestone.version,
  };
}

function toDateChangeResponse(change: MilestoneDateChange): ChangeResponse {
  if (!change.author) throw new Error(`date change ${change.id} loaded without its author`);
  return {
    id: change.id,
    fromDate: change.fromDate,
    toDate: change.toDate,
    reason: change.reason,
    author: { id: change.author.id, displayName: change.author.displayName },
    changedAt: change.changedAt.toISOString(),
  };
}
