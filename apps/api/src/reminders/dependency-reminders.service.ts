import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scheduler } from '../jobs/jobs.module.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import { overdueDependenciesNotRemindedOf } from '../programs/dependencies/program-dependency.repository.js';
import { daysOverdue } from '../programs/dependencies/dependencies.service.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import { byWorkspace } from './group-by-workspace.js';
import { publishPending } from './pending-events.js';

const KEY_PREFIX = 'dependency.overdue';

/**
 * `dependency.overdue`: a dependency neither delivered nor cancelled whose need-by date has
 * passed (the dependencies' own rule, `daysOverdue`), of a program that has not ended, to its
 * program's followers and owner. One per dependency and need-by date
 * (`dependency.overdue:<dependency>:<need-by>`), so moving the date and missing it again
 * reminds again.
 */
@Injectable()
export class DependencyReminders implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly pipeline: NotificationPipeline,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('reminders.dependencies', (now) =>
      this.remind(now).then(() => undefined),
    );
  }

  /** Publishes the reminders due at `now`; answers how many were new. */
  async remind(now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    const today = now.toISOString().slice(0, 10);
    // Only what is new: every minute over every workspace, the reminders already sent and the
    // dependencies of programs that have ended are left out in SQL.
    const overdue = await overdueDependenciesNotRemindedOf(manager, today, KEY_PREFIX);
    let published = 0;
    for (const [workspaceId, inWorkspace] of byWorkspace(overdue)) {
      published += await publishPending(
        manager,
        workspaceId,
        inWorkspace.map((dependency) => ({
          dedupeKey: `${KEY_PREFIX}:${dependency.id}:${dependency.needBy}`,
          item: dependency,
        })),
        async (transaction, dependency) => {
          const program = dependency.program;
          if (!program) throw new Error(`dependency ${dependency.id} loaded without its program`);
          const days = daysOverdue(dependency, today);
          return {
            workspaceId,
            event: 'dependency.overdue',
            subject: { type: 'dependency', id: dependency.id },
            title: `${program.name}: dependency overdue — ${dependency.description}`,
            body: `"${dependency.description}" was needed by ${dependency.needBy} and is ${dependency.status}, ${days} ${days === 1 ? 'day' : 'days'} overdue.`,
            path: await workspaceWebPath(transaction, workspaceId, `programs/${program.id}`),
            audience: {
              users: [program.ownerUserId],
              followersOf: [{ type: 'program', id: program.id }],
            },
            data: { programId: program.id, needBy: dependency.needBy, daysOverdue: days },
          };
        },
      );
    }
    // What is new goes out now rather than at the next tick.
    if (published > 0) await this.pipeline.dispatchSoon();
    return published;
  }
}
