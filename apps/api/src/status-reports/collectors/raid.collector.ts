import { Injectable } from '@nestjs/common';
import {
  RAID_HIGH_SCORE,
  type RaidCounts,
  type RaidEscalation,
  type RaidSnapshotItem,
} from '@bearing/contracts';
import { raidScore, raidStateBefore, raidStateOf } from '../../programs/raid/raid.service.js';
import type { RaidItemChange } from '../../programs/raid/raid-item-change.entity.js';
import type { RaidItem } from '../../programs/raid/raid-item.entity.js';
import { programRaidItems, raidChangesSince } from '../../programs/raid/raid-item.repository.js';
import type { CollectedReason } from '../health-rules.js';
import { isInstantInWeek } from '../report-week.js';
import {
  type CollectContext,
  type CollectedSection,
  previousSection,
  type ReportSectionCollector,
} from './report-section-collector.js';

/**
 * RAID items new this week, those escalated this week (score higher at the week's end than at
 * its start, rebuilt from the history; or re-opened), the open high-score risks, and counts with
 * their change since the compared report. Open high-score risks are watch reasons.
 */
@Injectable()
export class RaidCollector implements ReportSectionCollector<'raid'> {
  readonly section = 'raid';

  async collect({
    manager,
    program,
    week,
    previous,
  }: CollectContext): Promise<CollectedSection<'raid'>> {
    const items = await programRaidItems(manager, {
      workspaceId: program.workspaceId,
      programId: program.id,
    });
    const changesSinceWeekStart = await raidChangesSince(
      manager,
      items.map(({ id }) => id),
      week.startsAt,
    );

    const changesOf = new Map<string, RaidItemChange[]>();
    for (const change of changesSinceWeekStart) {
      changesOf.set(change.raidItemId, [...(changesOf.get(change.raidItemId) ?? []), change]);
    }

    const escalatedThisWeek = items.flatMap((item): RaidEscalation[] => {
      if (item.createdAt >= week.startsAt) return [];
      const current = raidStateOf(item);
      const changes = changesOf.get(item.id) ?? [];
      const atStart = raidStateBefore(current, changes);
      const atEnd = raidStateBefore(
        current,
        changes.filter(({ changedAt }) => changedAt >= week.endsBefore),
      );
      const reopened = atStart.status !== 'open' && atEnd.status === 'open';
      if (raidScore(atEnd) <= raidScore(atStart) && !reopened) return [];
      return [{ ...snapshotOf(item), scoreBeforeWeek: raidScore(atStart), reopened }];
    });

    const open = items.filter(({ status }) => status === 'open');
    const highScoreOpenRisks = open
      .filter((item) => item.kind === 'risk' && raidScore(item) >= RAID_HIGH_SCORE)
      .sort((first, second) => raidScore(second) - raidScore(first));
    const counts: RaidCounts = {
      open: open.length,
      openRisks: open.filter(({ kind }) => kind === 'risk').length,
      highScoreOpenRisks: highScoreOpenRisks.length,
    };
    const compared = previousSection(previous, 'raid');

    return {
      data: {
        status: 'available',
        newThisWeek: items
          .filter(({ createdAt }) => isInstantInWeek(week, createdAt))
          .map(snapshotOf),
        escalatedThisWeek,
        highScoreOpenRisks: highScoreOpenRisks.map(snapshotOf),
        counts,
        countsChange: compared && {
          open: counts.open - compared.counts.open,
          openRisks: counts.openRisks - compared.counts.openRisks,
          highScoreOpenRisks: counts.highScoreOpenRisks - compared.counts.highScoreOpenRisks,
        },
      },
      reasons: highScoreOpenRisks.map((item): CollectedReason => ({
        code: 'risk-high-score-open',
        message: `Open risk "${item.title}" scores ${raidScore(item)} (probability ${item.probability} × impact ${item.impact}) and has no ROAM decision yet.`,
        ref: { type: 'raid-item', id: item.id },
      })),
    };
  }
}

function snapshotOf(item: RaidItem): RaidSnapshotItem {
  return {
    raidItemId: item.id,
    kind: item.kind,
    title: item.title,
    probability: item.probability,
    impact: item.impact,
    score: raidScore(item),
    status: item.status,
    ownerName: item.owner?.displayName ?? null,
    mitigation: item.mitigation,
    dueDate: item.dueDate,
  };
}
