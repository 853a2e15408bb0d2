import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  JiraSource,
  PageQuery,
  PutJiraSourceRequest,
  SyncRun as SyncRunResponse,
  SyncRunPage,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { workflowWithStatuses } from '../imports/jira-pages.service.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { FLOW_REFRESH_JOB } from '../teams/team-flow-refresh.types.js';
import { findTeam, saveTeam } from '../teams/team.repository.js';
import { findJiraConnection } from './jira-connection.repository.js';
import { JiraSyncService } from './jira-sync.service.js';
import { toJiraSourceResponse, toSyncRunResponse } from './jira-sync.mapper.js';
import { sameSelection } from './source-selection.js';
import { runPage } from './sync-run.repository.js';
import type { TeamSource } from './team-source.entity.js';
import { deleteSource, saveSource, sourceOfTeam } from './team-source.repository.js';

export const JIRA_SYNC_OPTIONS = Symbol('JIRA_SYNC_OPTIONS');
export type JiraSyncOptions = { publicUrl: string };

/**
 * A team's Jira source: where its issues come from and how they are read. Saving it maps the
 * statuses into the team's workflow (as the import wizard's mapping does), puts a broken source
 * back to `ok` (and a failing one due again), and makes the next sync a full one when what it selects or reads changed.
 */
@Injectable()
export class TeamSourceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JIRA_SYNC_OPTIONS) private readonly options: JiraSyncOptions,
    private readonly sync: JiraSyncService,
    private readonly queue: JobQueue,
  ) {}

  async get(workspaceId: string, teamRef: string): Promise<JiraSource> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    return toJiraSourceResponse(await this.sourceOr404(workspaceId, team.id, team.name));
  }

  /**
   * Creates or replaces the team's source; the webhook address is shown only on creation. With
   * `version`, someone else's save (or removal) since is a 409 that changes nothing.
   */
  async put(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    request: PutJiraSourceRequest,
  ): Promise<JiraSource> {
    const { source, webhookSecret, workflowChanged } = await this.dataSource.transaction(
      async (manager) => {
        const team = await findTeam(manager, workspaceId, teamRef, true);
        await findJiraConnection(manager, workspaceId, request.connectionId).catch(
          (error: unknown) => {
            if (error instanceof ProblemException && error.getStatus() === 404) {
              throw ProblemException.validation([
                { path: 'connectionId', message: 'is not a Jira connection of this workspace' },
              ]);
            }
            throw error;
          },
        );
        const workflow = mappedWorkflow(team.workflow, request.statuses);
        const workflowChanged = JSON.stringify(workflow) !== JSON.stringify(team.workflow);
        if (workflowChanged) {
          team.workflow = workflow;
          await saveTeam(manager, team);
        }
        const existing = await sourceOfTeam(manager, workspaceId, team.id, true);
        // Checked under the source's lock: two saves of one version cannot both pass.
        if (request.version !== undefined) {
          if (!existing) {
            throw ProblemException.conflict(
              'stale-version',
              `The Jira source of ${team.name} was removed since you loaded it. Reload and set it up again.`,
            );
          }
          assertVersion('Jira source', existing.version, request.version);
        }
        const values = {
          connectionId: request.connectionId,
          jql: request.jql ?? null,
          boardId: request.boardId ?? null,
          storyPointsField: request.storyPointsField,
          statuses: request.statuses,
          intervalMinutes: request.intervalMinutes,
          enabled: request.enabled,
          updatedByUserId: actor.userId,
        };
        const webhookSecret = existing ? undefined : randomBytes(24).toString('base64url');
        const selectionChanged = !existing || !sameSelection(existing, values);
        const source = await saveSource(manager, {
          ...(existing ?? { workspaceId, teamId: team.id }),
          ...values,
          ...(webhookSecret ? { webhookSecretHash: sha256(webhookSecret) } : {}),
          // Saving is the fix of a broken source: its schedule resumes; a failing one is tried
          // at the next tick, not after its wait.
          ...(existing?.state === 'broken' ? { state: 'ok' as const } : {}),
          retryAt: null,
          // What it selects or reads changed: the next sync reads everything again.
          ...(selectionChanged ? { watermark: null, reconciledAt: null } : {}),
        });
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'team-source.saved',
          target: { type: 'team-source', id: source.id },
          details: {
            teamId: team.id,
            connectionId: source.connectionId,
            created: !existing,
            intervalMinutes: source.intervalMinutes,
            enabled: source.enabled,
          },
        });
        return { source, webhookSecret, workflowChanged };
      },
    );
    if (workflowChanged) {
      await this.queue.enqueue(
        FLOW_REFRESH_JOB,
        { workspaceId, teamId: source.teamId },
        { singletonKey: `${FLOW_REFRESH_JOB}:${source.teamId}` },
      );
    }
    return toJiraSourceResponse(
      source,
      webhookSecret === undefined ? undefined : this.webhookUrl(source.id, webhookSecret),
    );
  }

  /** Stops syncing the team; its items stay. */
  async remove(workspaceId: string, actor: Actor, teamRef: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const team = await findTeam(manager, workspaceId, teamRef, true);
      const source = await sourceOfTeam(manager, workspaceId, team.id, true);
      if (!source) throw noSource(team.name);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-source.deleted',
        target: { type: 'team-source', id: source.id },
        details: { teamId: team.id, name: team.name },
      });
      await deleteSource(manager, workspaceId, source.id);
    });
  }

  async runs(workspaceId: string, teamRef: string, page: PageQuery): Promise<SyncRunPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    const source = await this.sourceOr404(workspaceId, team.id, team.name);
    const { rows, nextCursor } = await runPage(
      this.dataSource.manager,
      workspaceId,
      source.id,
      page,
    );
    return { items: rows.map(toSyncRunResponse), nextCursor };
  }

  /** Queues a sync now; one already queued or running is answered instead of a second. */
  async syncNow(workspaceId: string, teamRef: string): Promise<SyncRunResponse> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    const source = await this.sourceOr404(workspaceId, team.id, team.name);
    return toSyncRunResponse(await this.sync.request(source, 'manual'));
  }

  private async sourceOr404(
    workspaceId: string,
    teamId: string,
    teamName: string,
  ): Promise<TeamSource> {
    const source = await sourceOfTeam(this.dataSource.manager, workspaceId, teamId);
    if (!source) throw noSource(teamName);
    return source;
  }

  private webhookUrl(sourceId: string, secret: string): string {
    return `${this.options.publicUrl}/api/hooks/jira/${sourceId}/${secret}`;
  }
}

function mappedWorkflow(
  workflow: Parameters<typeof workflowWithStatuses>[0],
  statuses: Record<string, string>,
) {
  try {
    return workflowWithStatuses(workflow, statuses);
  } catch (error) {
    // The import names the field `mapping.statuses.<status>`; here it is `statuses.<status>`.
    if (error instanceof ProblemException && error.getStatus() === 400) {
      const errors = (error.problem.errors ?? []).map((item) => ({
        path: item.path.replace(/^mapping\./, ''),
        message: item.message,
      }));
      throw ProblemException.validation(errors);
    }
    throw error;
  }
}

function noSource(teamName: string): ProblemException {
  return ProblemException.notFound(`The team ${teamName} has no Jira source.`);
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
