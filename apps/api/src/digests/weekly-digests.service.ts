import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REVIEW_WEEKDAY } from '@bearing/contracts';
import { addDays } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { FlowService } from '../delivery/flow.service.js';
import { SprintReportsService } from '../delivery/sprint-reports.service.js';
import { Scheduler } from '../jobs/jobs.module.js';
import { NotificationPipeline } from '../notifications/notifications.module.js';
import { publishEvent } from '../notifications/outbox.repository.js';
import { PortfolioService } from '../portfolio/portfolio.service.js';
import { publishedDedupeKeys } from '../reminders/published-events.repository.js';
import { teamNames } from '../teams/team.repository.js';
import { renderDigest, type TeamSummary, type WorkspaceDigestFacts } from './digest-content.js';
import { type DigestRecipient, digestRecipients } from './digest-recipients.repository.js';
import { localTime } from './local-time.js';

/** The local hour from which a review day's digest goes out (morning, not midnight). */
export const DIGEST_HOUR = 7;

/** Digests written per transaction: a crash loses at most one batch, which the next tick redoes. */
const BATCH = 500;
/** Batches written at once (each holds one pooled connection). */
const PARALLEL_BATCHES = 4;

type DueDigest = { recipient: DigestRecipient; day: string; dedupeKey: string };

/**
 * The weekly digest: on the workspace's review weekday, from `DIGEST_HOUR` in each member's own
 * time zone, one `digest.weekly` event per member whose digest preference is on, rendered for
 * their audience (digest-content.ts) and queued through the outbox to that member alone. The
 * dedupe key names the member and their local day (`digest.weekly:<user>:<day>`), so ticks and
 * processes send it once. A workspace's figures are read once per tick for all its recipients.
 */
@Injectable()
export class WeeklyDigests implements OnModuleInit {
  private readonly logger = new Logger(WeeklyDigests.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: Scheduler,
    private readonly pipeline: NotificationPipeline,
    private readonly portfolio: PortfolioService,
    private readonly sprintReports: SprintReportsService,
    private readonly flow: FlowService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('digests.weekly', (now) => this.send(now).then(() => undefined));
  }

  /** Renders and queues the digests due at `now`; answers how many were new. */
  async send(now: Date): Promise<number> {
    const manager = this.dataSource.manager;
    const due = new Map<string, DueDigest[]>();
    for (const recipient of await digestRecipients(manager, DEFAULT_REVIEW_WEEKDAY)) {
      const local = localTime(now, recipient.timeZone);
      if (local.weekday !== recipient.reviewWeekday || local.hour < DIGEST_HOUR) continue;
      const list = due.get(recipient.workspaceId) ?? [];
      list.push({
        recipient,
        day: local.day,
        dedupeKey: `digest.weekly:${recipient.userId}:${local.day}`,
      });
      due.set(recipient.workspaceId, list);
    }
    let published = 0;
    for (const [workspaceId, digests] of due) {
      const sent = await publishedDedupeKeys(
        manager,
        workspaceId,
        digests.map(({ dedupeKey }) => dedupeKey),
      );
      const pending = digests.filter(({ dedupeKey }) => !sent.has(dedupeKey));
      if (pending.length === 0) continue;
      const facts = await this.factsOf(workspaceId, pending, now);
      const batches: DueDigest[][] = [];
      for (let start = 0; start < pending.length; start += BATCH) {
        batches.push(pending.slice(start, start + BATCH));
      }
      // A few batches at once, each on its own pooled connection: the inserts' round trips
      // overlap instead of queueing behind one another.
      for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
        const counts = await Promise.all(
          batches
            .slice(start, start + PARALLEL_BATCHES)
            .map((batch) => this.publish(workspaceId, facts, batch)),
        );
        published += counts.reduce((sum, count) => sum + count, 0);
      }
    }
    // What is new goes out now rather than at the next tick.
    if (published > 0) await this.pipeline.dispatchSoon();
    return published;
  }

  private async publish(
    workspaceId: string,
    facts: WorkspaceDigestFacts,
    digests: readonly DueDigest[],
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let published = 0;
      for (const { recipient, day, dedupeKey } of digests) {
        const digest = renderDigest(facts, recipient);
        const written = await publishEvent(manager, {
          workspaceId,
          event: 'digest.weekly',
          subject: { type: 'digest', id: `${recipient.userId}:${day}` },
          title: digest.title,
          body: digest.body,
          path: digest.path,
          audience: { users: [recipient.userId] },
          dedupeKey,
          data: { audience: recipient.audience, day },
        });
        if (written) published += 1;
      }
      return published;
    });
  }

  /** The workspace's portfolio and the summaries of the teams its team readers follow. */
  private async factsOf(
    workspaceId: string,
    digests: readonly DueDigest[],
    now: Date,
  ): Promise<WorkspaceDigestFacts> {
    const [first] = digests;
    if (!first) throw new Error('no digest to gather facts for');
    const today = now.toISOString().slice(0, 10);
    const teamIds = [
      ...new Set(
        digests
          .filter(({ recipient }) => recipient.audience === 'team')
          .flatMap(({ recipient }) => recipient.followedTeamIds),
      ),
    ];
    const [portfolio, teams] = await Promise.all([
      this.portfolio.portfolio(workspaceId),
      this.teamSummaries(workspaceId, teamIds, today),
    ]);
    return {
      workspaceSlug: first.recipient.workspaceSlug,
      workspaceName: first.recipient.workspaceName,
      since: addDays(today, -7),
      portfolio,
      teams,
    };
  }

  private async teamSummaries(
    workspaceId: string,
    teamIds: readonly string[],
    today: string,
  ): Promise<Map<string, TeamSummary>> {
    const names = await teamNames(this.dataSource.manager, workspaceId, teamIds);
    const summaries = new Map<string, TeamSummary>();
    for (const [teamId, name] of names) {
      try {
        const [velocity, throughput, aging] = await Promise.all([
          this.sprintReports.velocity(workspaceId, teamId, { window: 1, unit: 'points' }),
          this.flow.throughput(workspaceId, teamId, {
            from: addDays(today, -6),
            to: today,
            interval: 'day',
          }),
          this.flow.aging(workspaceId, teamId, {}),
        ]);
        const last = velocity.outcomes.at(-1);
        summaries.set(teamId, {
          teamId,
          name,
          lastSprint: last
            ? {
                name: last.name,
                committed: last.committed,
                completed: last.completed,
                sayDoRatio: last.sayDoRatio,
              }
            : null,
          finishedThisWeek: throughput.buckets.reduce((sum, { count }) => sum + count, 0),
          inProgress: aging.total,
        });
      } catch (error) {
        // One team's read failing leaves it out of the digests, not the digests out.
        this.logger.warn(`digest: team ${teamId} left out: ${String(error)}`);
      }
    }
    return summaries;
  }
}
