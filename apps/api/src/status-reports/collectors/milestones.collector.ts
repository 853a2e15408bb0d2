import { Injectable } from '@nestjs/common';
import type { MilestoneMove, MilestoneSnapshot } from '@bearing/contracts';
import {
  isMilestoneOverdue,
  milestoneMovedDays,
  milestoneSlipDays,
  milestoneSlipSignal,
} from '@bearing/metrics';
import { loadDateChanges } from '../../programs/milestones/milestone-date-change.repository.js';
import type { Milestone } from '../../programs/milestones/milestone.entity.js';
import { programMilestones } from '../../programs/milestones/milestone.repository.js';
import type { CollectedReason } from '../health-rules.js';
import { isDayInWeek, isInstantInWeek } from '../report-week.js';
import { dayInWords, slipWords } from './day-words.js';
import {
  type CollectContext,
  type CollectedSection,
  type ReportSectionCollector,
} from './report-section-collector.js';

/**
 * Every milestone with its slip against the baseline and how far its date moved during the
 * report's week (the week's moves in its date-change history), the milestones moved this week —
 * from which date, to which, why — and those completed this week. Open milestones late against
 * their baseline are health reasons; slips are as of the report's `asOf` (today), so an open
 * milestone whose date has passed is late by the days since its baseline, moved or not.
 */
@Injectable()
export class MilestonesCollector implements ReportSectionCollector<'milestones'> {
  readonly section = 'milestones';

  async collect({
    manager,
    program,
    week,
    asOf,
  }: CollectContext): Promise<CollectedSection<'milestones'>> {
    const milestones = await programMilestones(manager, {
      workspaceId: program.workspaceId,
      programId: program.id,
    });
    const history = await loadDateChanges(
      manager,
      program.workspaceId,
      milestones.map(({ id }) => id),
    );
    // The week's own moves: a report written late, or compared with one written after a move,
    // still shows what moved during its week (and nothing moved after it).
    const movesInWeek = (milestone: Milestone) =>
      (history.get(milestone.id) ?? []).filter(({ changedAt }) => isInstantInWeek(week, changedAt));

    const snapshotOf = (milestone: Milestone): MilestoneSnapshot => ({
      milestoneId: milestone.id,
      name: milestone.name,
      baselineDate: milestone.baselineDate,
      currentDate: milestone.currentDate,
      completedAt: milestone.completedAt,
      slipDays: milestoneSlipDays({ ...milestone, asOf }),
      slipDaysChange: milestoneMovedDays(movesInWeek(milestone)),
    });

    const movedThisWeek = milestones.flatMap((milestone): MilestoneMove[] => {
      const moves = movesInWeek(milestone);
      const first = moves[0];
      if (!first) return [];
      return [
        {
          ...snapshotOf(milestone),
          dateBeforeWeek: first.fromDate,
          moves: moves.map((move) => ({
            fromDate: move.fromDate,
            toDate: move.toDate,
            reason: move.reason,
            authorName: move.author?.displayName ?? '',
            changedAt: move.changedAt.toISOString(),
          })),
        },
      ];
    });

    const reasons = milestones.flatMap((milestone): CollectedReason[] => {
      if (milestone.completedAt !== null) return [];
      const slipDays = milestoneSlipDays({ ...milestone, asOf });
      const code = milestoneSlipSignal(slipDays);
      if (!code) return [];
      const now = isMilestoneOverdue({ ...milestone, asOf })
        ? `due ${dayInWords(milestone.currentDate)} and still open: overdue`
        : `now ${dayInWords(milestone.currentDate)}`;
      return [
        {
          code,
          message: `Milestone "${milestone.name}" is ${slipWords(slipDays)} against its baseline (planned for ${dayInWords(milestone.baselineDate)}; ${now}).`,
          ref: { type: 'milestone', id: milestone.id },
        },
      ];
    });

    return {
      data: {
        status: 'available',
        items: milestones.map(snapshotOf),
        movedThisWeek,
        completedThisWeek: milestones
          .filter(({ completedAt }) => completedAt !== null && isDayInWeek(week, completedAt))
          .map(snapshotOf),
      },
      reasons,
    };
  }
}
