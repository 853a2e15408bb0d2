import { z } from 'zod';
import { jiraSecretSchema } from './jira-sync.js';

/**
 * A team source's webhook as the team's Source tab shows it. The address itself is shown once,
 * when the source is created or the address rotated (`webhookUrl` of the source); afterwards
 * only its SHA-256 is stored.
 */
export const jiraWebhookSchema = z.object({
  /** Requests must carry `X-Hub-Signature: sha256=…`, the HMAC of the body with this secret. */
  signed: z.boolean(),
  /** The last accepted request, whatever its event. */
  lastReceivedAt: z.iso.datetime().nullable(),
});

/**
 * `PUT /api/workspaces/:workspace/teams/:team/source/webhook` (editor) → `jiraWebhookSchema`:
 * the secret typed into Jira's webhook form, so its `X-Hub-Signature` is checked; `null`
 * stops checking. Write-only: never returned.
 */
export const putJiraWebhookRequestSchema = z.strictObject({
  signingSecret: jiraSecretSchema.nullable(),
});

/**
 * `POST /api/hooks/jira/:sourceId/:secret` (Jira calls it) → 202: `queued` when the event
 * leads to a sync of the team soon after (several events close together lead to one).
 */
export const jiraWebhookReceiptSchema = z.object({ queued: z.boolean() });

export type JiraWebhook = z.infer<typeof jiraWebhookSchema>;
export type PutJiraWebhookRequest = z.output<typeof putJiraWebhookRequestSchema>;
export type JiraWebhookReceipt = z.infer<typeof jiraWebhookReceiptSchema>;
