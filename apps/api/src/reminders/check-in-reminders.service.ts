import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CheckInDue, KeyResult as KeyResultResponse } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { Scheduler } from '../jobs/jobs.module.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import { addCadence } from '../okrs/check-ins/check-ins.service.js';
import { keyResultsOfObjectives } from '../okrs/key-results/key-result.repository.js';
import type { KeyResult } from '../okrs/key-results/key-result.entity.js';
import { checkInSince, OkrReadModel } from '../okrs/okr-read-model.service.js';
import type { Objective } from '../okrs/objectives/objective.entity.js';
import { activeObjectivesInAnyWorkspaceOn } from '../okrs/objectives/objective.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import { byWorkspace } from './group-by-workspace.js';
import { publishPending } from './pending-events.js';

type DueCheckIn = {
  keyResult: KeyResult;
  objective: Objective;
  state: CheckInDue;
  /** The day the state began: one cadence interval after `since` (due), two (overdue). */
  since: string;
  dueOn: string;
};

/**
 * `checkin.due` and `checkin.overdue` per key result's cadence, to the owner of the key result's
 * objective — by the OKR read model's own rule (`checkInDue`: active objective, period running,
 * one interval since the last check-in or the start is due, two is overdue), so the reminder
 * says what the key result's page says. The dedupe key names the day the state began
 * (`checkin.overdue:<key result>:<day>`): one reminder per missed check-in however often the
 * scheduler ticks and however many processes run it.
 */
@Injectable()
export class CheckInReminders implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly pipeline: NotificationPipeline,
    private readonly okrs: OkrReadModel,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('reminders.check-ins', (now) => this.remind(now).then(() => undefined));
  }

  /** Publishes the reminders due at `now`; answers how many were new. */
  async remind(now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    const today = now.toISOString().slice(0, 10);
    const objectives = await activeObjectivesInAnyWorkspaceOn(manager, today);
    let published = 0;
    for (const [workspaceId, inWorkspace] of byWorkspace(objectives)) {
      const due = await this.dueCheckIns(manager, workspaceId, inWorkspace);
      published += await publishPending(
        manager,
        workspaceId,
        due.map((item) => ({
          dedupeKey: `checkin.${item.state}:${item.keyResult.id}:${item.dueOn}`,
          item,
        })),
        async (transaction, item) => ({
          workspaceId,
          event: item.state === 'due' ? 'checkin.due' : 'checkin.overdue',
          subject: { type: 'key-result', id: item.keyResult.id },
          title:
            item.state === 'due'
              ? `Check-in due: ${item.keyResult.title}`
              : `Check-in overdue: ${item.keyResult.title}`,
          body:
            item.state === 'due'
              ? `The ${item.keyResult.cadence} check-in of "${item.keyResult.title}" (objective "${item.objective.title}") is due (one interval since ${item.since}, the last check-in or the start).`
              : `The ${item.keyResult.cadence} check-in of "${item.keyResult.title}" (objective "${item.objective.title}") is overdue (two intervals since ${item.since}, the last check-in or the start).`,
          path: await workspaceWebPath(
            transaction,
            workspaceId,
            `okrs/key-results/${item.keyResult.id}`,
          ),
          audience: { users: [item.objective.ownerUserId] },
          data: {
            keyResultId: item.keyResult.id,
            objectiveId: item.objective.id,
            cadence: item.keyResult.cadence,
            since: item.since,
            dueOn: item.dueOn,
          },
        }),
      );
    }
    // What is new goes out now rather than at the next tick.
    if (published > 0) await this.pipeline.dispatchSoon();
    return published;
  }

  private async dueCheckIns(
    manager: EntityManager,
    workspaceId: string,
    objectives: Objective[],
  ): Promise<DueCheckIn[]> {
    const keyResults = await keyResultsOfObjectives(
      manager,
      workspaceId,
      objectives.map(({ id }) => id),
    );
    const responses = new Map<string, KeyResultResponse>(
      (await this.okrs.keyResults(manager, keyResults)).map((response) => [response.id, response]),
    );
    const objectivesById = new Map(objectives.map((objective) => [objective.id, objective]));
    return keyResults.flatMap((keyResult): DueCheckIn[] => {
      const response = responses.get(keyResult.id);
      const objective = objectivesById.get(keyResult.objectiveId);
      if (!response?.checkInDue || !objective?.period) return [];
      const since = checkInSince(keyResult, objective.period, response.lastCheckIn?.date ?? null);
      const intervals = response.checkInDue === 'due' ? 1 : 2;
      return [
        {
          keyResult,
          objective,
          state: response.checkInDue,
          since,
          dueOn: addCadence(since, keyResult.cadence, intervals),
        },
      ];
    });
  }
}
