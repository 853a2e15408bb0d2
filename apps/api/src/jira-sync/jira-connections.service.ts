import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateJiraConnectionRequest,
  jiraConnectionChangeViolations,
  type JiraConnection as JiraConnectionResponse,
  type JiraConnectionPage,
  type JiraConnectionTestResult,
  type JiraFieldList,
  type PageQuery,
  type UpdateJiraConnectionRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { PROBLEM_TYPE_BASE, ProblemException } from '../common/problem/problem.js';
import { SecretBox, SecretUnavailableError } from '../common/secrets/secret-box.js';
import { JiraClient, JiraProblem } from './jira-client.js';
import { credentialsOf } from './jira-credentials.js';
import type { JiraConnection } from './jira-connection.entity.js';
import {
  deleteJiraConnection,
  findJiraConnection,
  insertJiraConnection,
  jiraConnectionPage,
  saveJiraConnection,
} from './jira-connection.repository.js';
import { toJiraConnectionResponse } from './jira-connection.mapper.js';
import { JiraReader } from './jira-reader.js';
import { JiraSyncService } from './jira-sync.service.js';
import { resumeSourcesOf, teamsUsingConnection } from './team-source.repository.js';

/** A connection test or field listing waits this long for Jira at most. */
const INTERACTIVE_TIMEOUT_MS = 10_000;

/** A refusal to delete a connection in use names at most this many of its teams. */
const TEAMS_NAMED = 10;

/** The fields whose change may fix what made Jira refuse a sync: the token, account or site. */
const REACH_FIELDS = ['secret', 'email', 'baseUrl', 'flavour'];

/**
 * A workspace's Jira connections. The token is sealed by the SecretBox before it is stored and
 * opened only to call Jira; responses say `hasSecret`, and neither logs nor audit events carry
 * it. Saving a connection's token, account or site puts its broken sources back to `ok`, ends
 * the wait of its failing ones, and syncs them at once (they try again with what was saved).
 */
@Injectable()
export class JiraConnectionsService {
  private readonly logger = new Logger(JiraConnectionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly sync: JiraSyncService,
  ) {}

  async list(workspaceId: string, page: PageQuery): Promise<JiraConnectionPage> {
    const { rows, nextCursor } = await jiraConnectionPage(
      this.dataSource.manager,
      workspaceId,
      page,
    );
    return { items: rows.map(toJiraConnectionResponse), nextCursor };
  }

  async get(workspaceId: string, id: string): Promise<JiraConnectionResponse> {
    return toJiraConnectionResponse(
      await findJiraConnection(this.dataSource.manager, workspaceId, id),
    );
  }

  async create(
    workspaceId: string,
    actor: Actor,
    { secret, email, ...request }: CreateJiraConnectionRequest,
  ): Promise<JiraConnectionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const connection = await insertJiraConnection(manager, {
        workspaceId,
        ...request,
        email: email ?? null,
        secretSealed: this.secrets.seal(secret),
        secretKeyId: this.secrets.keyId,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'jira-connection.created',
        target: { type: 'jira-connection', id: connection.id },
        details: {
          name: connection.name,
          baseUrl: connection.baseUrl,
          flavour: connection.flavour,
        },
      });
      return toJiraConnectionResponse(connection);
    });
  }

  /**
   * Changes the fields sent; without `secret` the stored token stays, unless the address,
   * flavour or account changes: then a 400 names `secret` and nothing changes (the token must
   * not follow the connection to another host or account). A change of the token, account or
   * site is the fix of a source Jira refused or could not be reached for: the connection's
   * broken sources go back to `ok` and its failing ones stop waiting for their retry, in the
   * same transaction, and each enabled one is synced once it commits.
   */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    request: UpdateJiraConnectionRequest,
  ): Promise<JiraConnectionResponse> {
    const { secret, email, ...changes } = request;
    const { response, resumed } = await this.dataSource.transaction(async (manager) => {
      const connection = await findJiraConnection(manager, workspaceId, id, true);
      const violations = jiraConnectionChangeViolations(request, connection);
      if (violations.length > 0) throw ProblemException.validation(violations);
      const changed: string[] = [];
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        Object.assign(connection, { [field]: value });
        changed.push(field);
      }
      if (email !== undefined) {
        connection.email = email;
        changed.push('email');
      }
      if (secret !== undefined) {
        connection.secretSealed = this.secrets.seal(secret);
        connection.secretKeyId = this.secrets.keyId;
        changed.push('secret');
      }
      if (connection.flavour === 'cloud' && connection.email === null) {
        throw ProblemException.validation([{ path: 'email', message: 'is required for cloud' }]);
      }
      const saved = await saveJiraConnection(manager, connection);
      const resumed = changed.some((field) => REACH_FIELDS.includes(field))
        ? await resumeSourcesOf(manager, workspaceId, connection.id)
        : [];
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'jira-connection.updated',
        target: { type: 'jira-connection', id: connection.id },
        details: { changed, resumedSources: resumed.length },
      });
      return { response: toJiraConnectionResponse(saved), resumed };
    });
    for (const source of resumed.filter((each) => each.enabled)) {
      // The source is `ok` again: should the queue fail now, the scheduler starts it when due.
      await this.sync.request(source, 'manual').catch((error: unknown) => {
        this.logger.warn(
          `The sync of source ${source.id} could not be queued after its connection was saved: ${String(error)}`,
        );
      });
    }
    return response;
  }

  /** 409 while a team's source uses it, naming the teams. */
  async remove(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const connection = await findJiraConnection(manager, workspaceId, id, true);
      const using = await teamsUsingConnection(manager, workspaceId, connection.id, TEAMS_NAMED);
      if (using.count > 0) {
        throw ProblemException.conflict('connection-in-use', inUseDetail(using));
      }
      await deleteJiraConnection(manager, workspaceId, connection.id);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'jira-connection.deleted',
        target: { type: 'jira-connection', id: connection.id },
        details: { name: connection.name },
      });
    });
  }

  /** Calls Jira with the stored credentials: who they authenticate and the server's version. */
  async test(workspaceId: string, id: string): Promise<JiraConnectionTestResult> {
    const connection = await findJiraConnection(this.dataSource.manager, workspaceId, id);
    try {
      const reader = new JiraReader(this.client(connection));
      const me = await reader.myself();
      const serverVersion = await reader.serverVersion().catch(() => undefined);
      return { ok: true, user: me.displayName, ...(serverVersion ? { serverVersion } : {}) };
    } catch (error) {
      if (error instanceof JiraProblem) {
        return { ok: false, error: { kind: error.kind, message: error.message } };
      }
      if (error instanceof SecretUnavailableError) {
        return { ok: false, error: { kind: 'unauthorized', message: error.message } };
      }
      throw error;
    }
  }

  /** The fields Jira lists, to choose the story-points field from; 502 when Jira fails. */
  async fields(workspaceId: string, id: string): Promise<JiraFieldList> {
    const connection = await findJiraConnection(this.dataSource.manager, workspaceId, id);
    try {
      return { items: await new JiraReader(this.client(connection)).fields() };
    } catch (error) {
      if (error instanceof JiraProblem || error instanceof SecretUnavailableError) {
        throw new ProblemException({
          type: `${PROBLEM_TYPE_BASE}jira-unavailable`,
          title: 'Bad Gateway',
          status: 502,
          detail: `Jira's fields could not be read: ${error.message}`,
        });
      }
      throw error;
    }
  }

  private client(connection: JiraConnection): JiraClient {
    return new JiraClient(credentialsOf(connection, this.secrets), {
      timeoutMs: INTERACTIVE_TIMEOUT_MS,
      maxRetries: 1,
    });
  }
}

/** "Payments and Ads sync from this connection: …", naming the first teams and counting the rest. */
function inUseDetail({ names, count }: { names: string[]; count: number }): string {
  const more = count - names.length;
  const listed = more > 0 ? [...names, `${more} more team${more === 1 ? '' : 's'}`] : names;
  const teams =
    listed.length === 1
      ? (listed[0] as string)
      : `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1] as string}`;
  return `${teams} ${count === 1 ? 'syncs' : 'sync'} from this connection: in ${count === 1 ? 'its' : 'their'} Source tab, pick another connection or stop syncing from Jira, then delete it.`;
}
