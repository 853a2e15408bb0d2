import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REVIEW_WEEKDAY } from '@bearing/contracts';
import { addDays, mondayOnOrBefore } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { Scheduler } from '../jobs/jobs.module.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import type { Program } from '../programs/program.entity.js';
import { programsRunningInAnyWorkspace } from '../programs/program.repository.js';
import { savedReviewWeekdays } from '../reviews/review-setting.repository.js';
import type { StatusReport } from '../status-reports/status-report.entity.js';
import { reportsOfWeek } from '../status-reports/status-report.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import { byWorkspace } from './group-by-workspace.js';
import { publishPending } from './pending-events.js';
import { type OwnerStanding, ownerStandings } from './report-writers.repository.js';

/** Why the owner is not the one reminded, in the reminder's words. */
const OWNER_CANNOT_WRITE: Record<Exclude<OwnerStanding, 'writer'>, string> = {
  viewer: 'Its owner is a viewer here and cannot write it',
  'not-member': 'Its owner is no longer a member of this workspace',
  disabled: "Its owner's account is disabled",
};

/**
 * `report.due`: on the workspace's review weekday (a UTC day, as the review page counts it),
 * every program running this week whose report of the week is not published — missing or still
 * a draft — reminds its owner. One per program and week (`report.due:<program>:<week>`).
 *
 * An owner who cannot write the report — a viewer, one who left the workspace, a disabled
 * account — would leave it reaching nobody who can: those reminders go instead to the program's
 * followers who may write reports (editors, admins) and to the workspace's admins, who can also
 * name a new owner; the reminder says why.
 */
@Injectable()
export class ReportReminders implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly pipeline: NotificationPipeline,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('reminders.reports', (now) => this.remind(now).then(() => undefined));
  }

  /** Publishes the reminders due at `now`; answers how many were new. */
  async remind(now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    const today = now.toISOString().slice(0, 10);
    const week = mondayOnOrBefore(today);
    const weekday = now.getUTCDay();
    const reviewWeekdays = await savedReviewWeekdays(manager);
    const programs = await programsRunningInAnyWorkspace(manager, {
      from: week,
      to: addDays(week, 6),
    });
    let published = 0;
    for (const [workspaceId, inWorkspace] of byWorkspace(programs)) {
      if ((reviewWeekdays.get(workspaceId) ?? DEFAULT_REVIEW_WEEKDAY) !== weekday) continue;
      const reports = new Map(
        (
          await reportsOfWeek(
            manager,
            workspaceId,
            week,
            inWorkspace.map(({ id }) => id),
          )
        ).map((report) => [report.programId, report]),
      );
      const standings = await ownerStandings(
        manager,
        workspaceId,
        inWorkspace.map(({ ownerUserId }) => ownerUserId),
      );
      const due = inWorkspace.flatMap((program): { program: Program; report?: StatusReport }[] => {
        const report = reports.get(program.id);
        if (report?.state === 'published') return [];
        return [report ? { program, report } : { program }];
      });
      published += await publishPending(
        manager,
        workspaceId,
        due.map((item) => ({ dedupeKey: `report.due:${item.program.id}:${week}`, item })),
        async (transaction, { program, report }) => {
          const standing = standings.get(program.ownerUserId) ?? 'not-member';
          const due = report
            ? `The status report of ${program.name} for the week of ${week} is drafted but not published; today is the review day.`
            : `${program.name} has no status report for the week of ${week} yet; today is the review day.`;
          return {
            workspaceId,
            event: 'report.due',
            subject: { type: 'program', id: program.id },
            title: `${program.name}: this week's status report is due today`,
            body:
              standing === 'writer'
                ? due
                : `${due} ${OWNER_CANNOT_WRITE[standing]}, so its followers who can write it and the workspace's admins are reminded: write it, or make an editor its owner.`,
            path: await workspaceWebPath(
              transaction,
              workspaceId,
              report ? `programs/${program.id}/reports/${report.id}` : `programs/${program.id}`,
            ),
            audience:
              standing === 'writer'
                ? { users: [program.ownerUserId] }
                : {
                    followersOf: [{ type: 'program', id: program.id }],
                    workspaceAdmins: true,
                    editorsOnly: true,
                  },
            data: {
              programId: program.id,
              week,
              state: report?.state ?? 'missing',
              owner: standing,
            },
          };
        },
      );
    }
    // What is new goes out now rather than at the next tick.
    if (published > 0) await this.pipeline.dispatchSoon();
    return published;
  }
}
