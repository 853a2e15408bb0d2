import { Injectable } from '@nestjs/common';
import type { KeyResultSnapshot } from '@bearing/contracts';
import { keyResultsOfObjectivesOldestFirst } from '../../okrs/key-results/key-result.repository.js';
import { objectivesOldestFirst } from '../../okrs/objectives/objective.repository.js';
import { OkrReadModel } from '../../okrs/okr-read-model.service.js';
import type { CollectedReason } from '../health-rules.js';
import {
  type CollectContext,
  type CollectedSection,
  previousSection,
  type ReportSectionCollector,
} from './report-section-collector.js';

/**
 * The key results of the program's linked objectives with their progress, expected progress
 * and pace — the OKR read model's numbers (all from `@bearing/metrics`), never recomputed here —
 * and the change of progress since the compared report. An off-track key result is an at-risk
 * reason; one at risk is watched.
 */
@Injectable()
export class KeyResultsCollector implements ReportSectionCollector<'keyResults'> {
  readonly section = 'keyResults';

  constructor(private readonly okrs: OkrReadModel) {}

  async collect({
    manager,
    program,
    previous,
  }: CollectContext): Promise<CollectedSection<'keyResults'>> {
    if (program.objectiveIds.length === 0) {
      return { data: { status: 'available', items: [] }, reasons: [] };
    }
    const objectives = await objectivesOldestFirst(
      manager,
      program.workspaceId,
      program.objectiveIds,
    );
    const objectiveOrder = new Map(objectives.map(({ id }, index) => [id, index]));
    const keyResults = (
      await keyResultsOfObjectivesOldestFirst(
        manager,
        program.workspaceId,
        objectives.map(({ id }) => id),
      )
    ).sort(
      (a, b) => (objectiveOrder.get(a.objectiveId) ?? 0) - (objectiveOrder.get(b.objectiveId) ?? 0),
    );
    const responses = await this.okrs.keyResults(manager, keyResults);
    const titles = new Map(objectives.map(({ id, title }) => [id, title]));
    const compared = new Map(
      (previousSection(previous, 'keyResults')?.items ?? []).map((item) => [
        item.keyResultId,
        item.progress,
      ]),
    );
    const items = responses.map((keyResult): KeyResultSnapshot => {
      const before = compared.get(keyResult.id) ?? null;
      return {
        keyResultId: keyResult.id,
        objectiveId: keyResult.objectiveId,
        objectiveTitle: titles.get(keyResult.objectiveId) ?? '',
        title: keyResult.title,
        unit: keyResult.unit,
        current: keyResult.current,
        target: keyResult.target,
        progress: keyResult.progress,
        expectedProgress: keyResult.expectedProgress,
        pace: keyResult.pace,
        progressChange:
          keyResult.progress === null || before === null ? null : keyResult.progress - before,
      };
    });
    return {
      data: { status: 'available', items },
      reasons: items.flatMap((item): CollectedReason[] => {
        if (item.pace !== 'off-track' && item.pace !== 'at-risk') return [];
        return [
          {
            code: item.pace === 'off-track' ? 'key-result-off-track' : 'key-result-at-risk',
            message: `Key result "${item.title}" is ${item.pace === 'off-track' ? 'off track' : 'at risk'}: ${percent(item.progress)} done against ${percent(item.expectedProgress)} expected by now.`,
            ref: { type: 'key-result', id: item.keyResultId },
          },
        ];
      }),
    };
  }
}

function percent(value: number | null): string {
  return value === null ? 'no value' : `${Math.round(value * 100)} %`;
}
