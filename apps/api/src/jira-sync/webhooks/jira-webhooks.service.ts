import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  JiraSource,
  JiraWebhook as JiraWebhookResponse,
  JiraWebhookReceipt,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { ProblemException } from '../../common/problem/problem.js';
import { SecretBox, SecretUnavailableError } from '../../common/secrets/secret-box.js';
import { JobQueue } from '../../jobs/job-queue.service.js';
import { findTeam } from '../../teams/team.repository.js';
import { toJiraSourceResponse } from '../jira-sync.mapper.js';
import { JiraSyncService } from '../jira-sync.service.js';
import type { TeamSource } from '../team-source.entity.js';
import { sourceOfTeam } from '../team-source.repository.js';
import {
  closeBurst,
  hookTarget,
  noteEvent,
  replaceAddressSecret,
  saveSigningSecret,
  webhookOf,
} from './jira-webhook.repository.js';
import {
  addressSecretHash,
  constantTimeEqual,
  validHubSignature,
} from './jira-webhook-signature.js';

/** The queue job that asks for the sync a burst of webhook events leads to. */
export const JIRA_WEBHOOK_JOB = 'jira.webhook';
type WebhookJobPayload = { workspaceId: string; sourceId: string };

/** How long after a burst's first event its sync is asked for: Jira sends edits in bursts. */
export const WEBHOOK_DEBOUNCE_MS = 5_000;
/** A burst still pending after this long lost its job: the next event opens a new one. */
const PENDING_STALE_MS = 60_000;

export const JIRA_WEBHOOK_OPTIONS = Symbol('JIRA_WEBHOOK_OPTIONS');
export type JiraWebhookOptions = { publicUrl: string };

/** The events that can change what a team's sync reads: issues and sprints. */
const SYNCING_EVENT = /^(jira:issue_(created|updated|deleted)|sprint_\w+)$/;

/** The part of Jira's webhook body that is read: which event it is. Everything else is left. */
const webhookBodySchema = z.looseObject({ webhookEvent: z.string().min(1).max(200) });

/** One request to the webhook address, as the route received it. */
export type WebhookRequest = {
  sourceId: string;
  secret: string;
  signature: string | undefined;
  body: Buffer | undefined;
};

/**
 * Jira's webhooks. Jira calls `/api/hooks/jira/:sourceId/:secret` when issues change; the
 * secret (only its hash is stored) is compared in constant time, and so is the body's
 * `X-Hub-Signature` when the team set a signing secret. An accepted event marks a burst: the
 * first event of a burst queues a job `WEBHOOK_DEBOUNCE_MS` later, and that job asks the sync
 * engine for a `webhook` sync of the team (which joins a sync already queued, and follows one
 * running, which may have read past the edits), so fifty edits in a second lead to one sync.
 */
@Injectable()
export class JiraWebhooksService implements OnModuleInit {
  private sync!: JiraSyncService;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JIRA_WEBHOOK_OPTIONS) private readonly options: JiraWebhookOptions,
    private readonly moduleRef: ModuleRef,
    private readonly queue: JobQueue,
    private readonly clock: ClockService,
    private readonly secrets: SecretBox,
  ) {}

  onModuleInit(): void {
    // The sync engine belongs to the Jira sync module, which this one extends.
    this.sync = this.moduleRef.get(JiraSyncService, { strict: false });
    this.queue.register<WebhookJobPayload>(JIRA_WEBHOOK_JOB, ({ workspaceId, sourceId }) =>
      this.requestSync(workspaceId, sourceId),
    );
  }

  /** Checks and takes one webhook request; `queued` when it leads to a sync. */
  async receive(request: WebhookRequest): Promise<JiraWebhookReceipt> {
    const manager = this.dataSource.manager;
    const target = await hookTarget(manager, request.sourceId);
    // An unknown source and a wrong secret get the same answer: addresses cannot be probed.
    if (
      !target?.webhookSecretHash ||
      !constantTimeEqual(addressSecretHash(request.secret), target.webhookSecretHash)
    ) {
      throw ProblemException.notFound('There is no such webhook.');
    }
    const body = request.body ?? Buffer.alloc(0);
    if (target.signingSecretSealed !== null) {
      const secret = this.openSigningSecret(target.signingSecretSealed);
      if (!validHubSignature(request.signature, body, secret)) {
        throw ProblemException.forbidden(
          'The X-Hub-Signature header is missing or is not the HMAC-SHA256 of the body with the webhook secret set for this team.',
        );
      }
    }
    const event = parseEvent(body);
    if (!SYNCING_EVENT.test(event) || !target.enabled || target.state === 'broken') {
      return { queued: false };
    }
    const now = this.clock.now();
    const opened = await noteEvent(
      manager,
      target,
      randomUUID(),
      now,
      new Date(now.getTime() - PENDING_STALE_MS),
    );
    if (opened) {
      await this.queue.enqueue<WebhookJobPayload>(
        JIRA_WEBHOOK_JOB,
        { workspaceId: target.workspaceId, sourceId: target.id },
        { runAt: new Date(now.getTime() + WEBHOOK_DEBOUNCE_MS) },
      );
    }
    return { queued: true };
  }

  /** The burst's delayed job: closes the burst, then asks for the sync. */
  async requestSync(workspaceId: string, sourceId: string): Promise<void> {
    const manager = this.dataSource.manager;
    await closeBurst(manager, workspaceId, sourceId);
    // Deleted, paused or broken since the event: nothing to do. A sync running now may have
    // listed its issues before the edits: another one follows it.
    await this.sync.requestAfterEdits(workspaceId, sourceId);
  }

  /** Whether requests must be signed, and when the last one came. */
  async status(workspaceId: string, teamRef: string): Promise<JiraWebhookResponse> {
    const manager = this.dataSource.manager;
    const source = await this.sourceOr404(workspaceId, teamRef);
    return toWebhookResponse(await webhookOf(manager, workspaceId, source.id));
  }

  /** Sets (or with null, removes) the secret Jira signs its requests with. */
  async setSigningSecret(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    signingSecret: string | null,
  ): Promise<JiraWebhookResponse> {
    const webhook = await this.dataSource.transaction(async (manager) => {
      const source = await this.sourceOr404(workspaceId, teamRef, manager);
      const saved = await saveSigningSecret(manager, {
        workspaceId,
        sourceId: source.id,
        signingSecretSealed: signingSecret === null ? null : this.secrets.seal(signingSecret),
        signingSecretKeyId: signingSecret === null ? null : this.secrets.keyId,
      });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-source.webhook-signing-changed',
        target: { type: 'team-source', id: source.id },
        // Whether there is one, never the secret.
        details: { teamId: source.teamId, signed: signingSecret !== null },
      });
      return saved;
    });
    return toWebhookResponse(webhook);
  }

  /**
   * A new address for the source's webhook; the old one stops working at once. The answer is
   * the source with `webhookUrl` — the only time the new address is shown.
   */
  async rotate(workspaceId: string, actor: Actor, teamRef: string): Promise<JiraSource> {
    const secret = randomBytes(24).toString('base64url');
    const source = await this.dataSource.transaction(async (manager) => {
      const found = await this.sourceOr404(workspaceId, teamRef, manager, true);
      await replaceAddressSecret(manager, workspaceId, found.id, addressSecretHash(secret));
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-source.webhook-rotated',
        target: { type: 'team-source', id: found.id },
        details: { teamId: found.teamId },
      });
      return found;
    });
    return toJiraSourceResponse(
      source,
      `${this.options.publicUrl}/api/hooks/jira/${source.id}/${secret}`,
    );
  }

  private async sourceOr404(
    workspaceId: string,
    teamRef: string,
    manager = this.dataSource.manager,
    lock = false,
  ): Promise<TeamSource> {
    const team = await findTeam(manager, workspaceId, teamRef, lock);
    const source = await sourceOfTeam(manager, workspaceId, team.id, lock);
    if (!source) throw ProblemException.notFound(`The team ${team.name} has no Jira source.`);
    return source;
  }

  private openSigningSecret(sealed: string): string {
    try {
      return this.secrets.open(sealed);
    } catch (error) {
      // The key changed since: no request can be checked, so none is taken.
      if (error instanceof SecretUnavailableError) {
        throw ProblemException.forbidden(
          'The webhook secret set for this team cannot be read on this server; set it again.',
        );
      }
      throw error;
    }
  }
}

/** The event name of Jira's JSON body; a body that is not such JSON is a 400. */
function parseEvent(body: Buffer): string {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw ProblemException.validation([{ path: 'body', message: 'is not JSON' }]);
  }
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) {
    throw ProblemException.validation([
      { path: 'webhookEvent', message: 'is required: the name of the Jira event' },
    ]);
  }
  return parsed.data.webhookEvent;
}

function toWebhookResponse(
  webhook: { signingSecretSealed: string | null; lastReceivedAt: Date | null } | null,
): JiraWebhookResponse {
  return {
    signed: webhook !== null && webhook.signingSecretSealed !== null,
    lastReceivedAt: webhook?.lastReceivedAt?.toISOString() ?? null,
  };
}
