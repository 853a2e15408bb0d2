import { Injectable } from '@nestjs/common';
import type { OverdueCheckIn } from '@bearing/contracts';
import { addCadence } from '../../okrs/check-ins/check-ins.service.js';
import { keyResultsOfObjectivesOldestFirst } from '../../okrs/key-results/key-result.repository.js';
import { objectivesWithOwnerAndPeriod } from '../../okrs/objectives/objective.repository.js';
import { checkInSince, OkrReadModel } from '../../okrs/okr-read-model.service.js';
import type { CollectedReason } from '../health-rules.js';
import { dayInWords } from './day-words.js';
import type {
  CollectContext,
  CollectedSection,
  ReportSectionCollector,
} from './report-section-collector.js';

/**
 * The linked key results whose check-in is overdue by the OKR module's rule (`checkInDue`: two
 * cadence intervals since the last check-in or the start), each a watch reason. `dueSince` is
 * the day the missed check-in was due: one interval after the last check-in or the start.
 */
@Injectable()
export class CheckInsCollector implements ReportSectionCollector<'checkIns'> {
  readonly section = 'checkIns';

  constructor(private readonly okrs: OkrReadModel) {}

  async collect({ manager, program }: CollectContext): Promise<CollectedSection<'checkIns'>> {
    if (program.objectiveIds.length === 0) {
      return { data: { status: 'available', overdue: [] }, reasons: [] };
    }
    const objectives = await objectivesWithOwnerAndPeriod(
      manager,
      program.workspaceId,
      program.objectiveIds,
    );
    const objectivesById = new Map(objectives.map((objective) => [objective.id, objective]));
    const keyResults = await keyResultsOfObjectivesOldestFirst(
      manager,
      program.workspaceId,
      objectives.map(({ id }) => id),
    );
    const entities = new Map(keyResults.map((keyResult) => [keyResult.id, keyResult]));
    const overdue = (await this.okrs.keyResults(manager, keyResults)).flatMap(
      (response): OverdueCheckIn[] => {
        const keyResult = entities.get(response.id);
        const objective = objectivesById.get(response.objectiveId);
        if (response.checkInDue !== 'overdue' || !keyResult || !objective?.period) return [];
        const lastCheckInDate = response.lastCheckIn?.date ?? null;
        const since = checkInSince(keyResult, objective.period, lastCheckInDate);
        return [
          {
            keyResultId: response.id,
            title: response.title,
            ownerName: objective.owner?.displayName ?? null,
            lastCheckInDate,
            dueSince: addCadence(since, keyResult.cadence, 1),
          },
        ];
      },
    );
    return {
      data: { status: 'available', overdue },
      reasons: overdue.map((checkIn): CollectedReason => ({
        code: 'check-in-overdue',
        message: `Key result "${checkIn.title}" has had no check-in since ${checkIn.lastCheckInDate === null ? 'it started' : dayInWords(checkIn.lastCheckInDate)}; one was due on ${dayInWords(checkIn.dueSince)}.`,
        ref: { type: 'key-result', id: checkIn.keyResultId },
      })),
    };
  }
}
