import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { versionField } from './program-fields.js';
import type { ProblemFieldError } from './problem.js';
import { stageNameSchema, statusNameSchema } from './teams.js';
import { text } from './text.js';

/**
 * A live connection to a Jira site. `cloud`: Atlassian Cloud, an account's email + API token
 * (basic auth, REST v3). `data-center`: Jira Data Center / Server, a personal access token
 * (bearer, REST v2).
 */
export const jiraFlavourSchema = z.enum(['cloud', 'data-center']);

/**
 * The site's address, http or https. Private ranges and loopback are allowed on purpose: Data
 * Center lives on intranets. No user info, query or fragment; a trailing slash is dropped.
 */
export const jiraBaseUrlSchema = text()
  .min(1)
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/ }))
  .refine((value) => BASE_URL.test(value), {
    error:
      'must be an http(s) address without user, query or fragment, e.g. https://acme.atlassian.net',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const BASE_URL = /^https?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/i;

/** The API token (cloud) or personal access token (data center). Write-only: never returned. */
export const jiraSecretSchema = z
  .string()
  .min(1)
  .max(4000)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** `hasSecret` says a token is stored; the token itself never leaves the server. */
export const jiraConnectionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  baseUrl: z.string(),
  flavour: jiraFlavourSchema,
  /** Cloud only: the account the API token belongs to. */
  email: z.string().optional(),
  hasSecret: z.boolean(),
  createdAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/jira-connections` (viewer and up) — by name. */
export const jiraConnectionPageSchema = pageSchema(jiraConnectionSchema);

const jiraConnectionNameSchema = text().min(1).max(200);
const jiraEmailSchema = text().min(3).max(320).pipe(z.email());

/**
 * `POST /api/workspaces/:workspace/jira-connections` (admin) → 201 `jiraConnectionSchema`.
 * A cloud connection needs `email`; a data-center one must not send it.
 */
export const createJiraConnectionRequestSchema = z
  .strictObject({
    name: jiraConnectionNameSchema,
    baseUrl: jiraBaseUrlSchema,
    flavour: jiraFlavourSchema,
    email: jiraEmailSchema.optional(),
    secret: jiraSecretSchema,
  })
  .superRefine((body, context) => {
    if (body.flavour === 'cloud' && body.email === undefined) {
      context.addIssue({ code: 'custom', path: ['email'], message: 'is required for cloud' });
    }
    if (body.flavour === 'data-center' && body.email !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'is not used by data-center (a personal access token needs no account)',
      });
    }
  });

/**
 * `PATCH /api/workspaces/:workspace/jira-connections/:id` (admin) → `jiraConnectionSchema`.
 * Without `secret` the stored token is kept — but only for the site, flavour and account it was
 * given for: see `jiraConnectionChangeViolations`. `email: null` clears it (for data-center).
 */
export const updateJiraConnectionRequestSchema = z.strictObject({
  name: jiraConnectionNameSchema.optional(),
  baseUrl: jiraBaseUrlSchema.optional(),
  flavour: jiraFlavourSchema.optional(),
  email: jiraEmailSchema.nullable().optional(),
  secret: jiraSecretSchema.optional(),
});

type JiraConnectionTarget = {
  baseUrl: string;
  flavour: JiraFlavour;
  email?: string | null | undefined;
};

/**
 * The rule a change of a stored connection must keep, as `{ path, message }` (none when it
 * keeps it): a change of the address, the flavour or the account email must bring the token
 * again (`secret`). The stored token was given for one site and one account; kept across such a
 * change, the next connection test or sync would send it to a host it was never meant for. A
 * field sent with its stored value is no change. The API refuses a PATCH that breaks it (400);
 * the connection form checks it before sending.
 */
export function jiraConnectionChangeViolations(
  change: {
    baseUrl?: string | undefined;
    flavour?: JiraFlavour | undefined;
    email?: string | null | undefined;
    secret?: string | undefined;
  },
  stored: JiraConnectionTarget,
): ProblemFieldError[] {
  if (change.secret !== undefined) return [];
  const retargeted = [
    change.baseUrl !== undefined && change.baseUrl !== stored.baseUrl && 'address',
    change.flavour !== undefined && change.flavour !== stored.flavour && 'flavour',
    change.email !== undefined && change.email !== (stored.email ?? null) && 'account email',
  ].filter((what) => what !== false);
  if (retargeted.length === 0) return [];
  return [
    {
      path: 'secret',
      message: `is required again when the ${retargeted.join(' and ')} change${retargeted.length === 1 ? 's' : ''}: the stored token is only sent to the site and account it was given for`,
    },
  ];
}

/** What stopped a connection test, in one word; `message` says it in words. */
export const jiraProblemKindSchema = z.enum([
  'unauthorized',
  'forbidden',
  'unknown-host',
  'tls',
  'timeout',
  'unreachable',
  'not-jira',
  'http',
]);

/**
 * `POST /api/workspaces/:workspace/jira-connections/:id/test` (admin) → 200 always: `ok` with
 * the account Jira knows the token by and the server's version, or `error`.
 */
export const jiraConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** The display name of the account the token authenticates. */
  user: z.string().optional(),
  serverVersion: z.string().optional(),
  error: z.object({ kind: jiraProblemKindSchema, message: z.string() }).optional(),
});

/** One field Jira lists (`/rest/api/*\/field`), to pick the story-points field from. */
export const jiraFieldSchema = z.object({
  /** `customfield_10016`, `summary`… — what a source's `storyPointsField` names. */
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
  /** Jira's `schema.type` (`number`, `array`, …); null when Jira gives none. */
  type: z.string().nullable(),
});

/** `GET /api/workspaces/:workspace/jira-connections/:id/fields` (editor) — by name. */
export const jiraFieldListSchema = z.object({ items: z.array(jiraFieldSchema) });

export const JIRA_SYNC_INTERVAL_MIN_MINUTES = 15;
export const JIRA_SYNC_INTERVAL_MAX_MINUTES = 24 * 60;
export const JIRA_SYNC_INTERVAL_DEFAULT_MINUTES = 30;

export const jiraSourceStateSchema = z.enum(['ok', 'syncing', 'broken']);

/**
 * Where a team's issues come from. `jql` selects the issues; with only `boardId` the board's
 * own filter does. `boardId` also names the board whose sprints (Agile API) are read.
 * `statuses` maps Jira statuses to the team's stages, as the import wizard's mapping step does.
 * `state`: `broken` after Jira refused the credentials (401/403) — the schedule is paused until
 * the source or its connection is saved again; `lastError` says why.
 */
export const jiraSourceSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  connectionId: z.uuid(),
  jql: z.string().optional(),
  boardId: z.number().int().optional(),
  /** Field id of the story points; null: the team does not estimate in Jira. */
  storyPointsField: z.string().nullable(),
  statuses: z.record(z.string(), z.string()),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  state: jiraSourceStateSchema,
  lastSyncAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  /** Since when syncs have been failing (the first failure after the last success); null when not failing. */
  failingSince: z.iso.datetime().nullable(),
  /**
   * While failing (and not broken): when the schedule tries again. Each failure waits the
   * interval, or as long as the source has been failing if that is longer, a day at most;
   * saving the source, or its connection's token, account or site, ends the wait. Null otherwise.
   */
  retryAt: z.iso.datetime().nullable(),
  /**
   * The webhook address (`/api/hooks/jira/:sourceId/:secret`), present only in the answer that
   * created or rotated it: it is shown once and stored only as a hash.
   */
  webhookUrl: z.string().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic concurrency: send it back to replace the source. */
  version: z.number().int(),
});

/**
 * `PUT /api/workspaces/:workspace/teams/:team/source` (editor) → 200 `jiraSourceSchema`:
 * creates or replaces the team's source. Needs `jql` or `boardId` (or both). `version`, the
 * source's as the editor loaded it, makes the replace safe: once someone else saved (or removed)
 * the source since, it is a 409 `stale-version` and nothing changes. Without it the save replaces
 * whatever is stored.
 */
export const putJiraSourceRequestSchema = z
  .strictObject({
    connectionId: z.uuid(),
    jql: text().min(1).max(10_000).optional(),
    boardId: z.number().int().min(1).max(2_147_483_647).optional(),
    storyPointsField: text().min(1).max(200).nullable().default(null),
    statuses: z.record(statusNameSchema, stageNameSchema).default({}),
    intervalMinutes: z
      .number()
      .int()
      .min(JIRA_SYNC_INTERVAL_MIN_MINUTES)
      .max(JIRA_SYNC_INTERVAL_MAX_MINUTES)
      .default(JIRA_SYNC_INTERVAL_DEFAULT_MINUTES),
    enabled: z.boolean().default(true),
    version: versionField.optional(),
  })
  .superRefine((body, context) => {
    if (body.jql === undefined && body.boardId === undefined) {
      context.addIssue({ code: 'custom', path: ['jql'], message: 'or boardId is required' });
    }
  });

export const syncTriggerSchema = z.enum(['schedule', 'manual', 'webhook']);
export const syncRunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);

/** One sync of a team's source: what it did, how many requests it took, why it failed. */
export const syncRunSchema = z.object({
  id: z.uuid(),
  trigger: syncTriggerSchema,
  status: syncRunStatusSchema,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** `full` on the first sync (and after the source changed), `incremental` after. */
  mode: z.enum(['full', 'incremental']).nullable(),
  /** Search result pages applied. */
  pages: z.number().int(),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    removed: z.number().int(),
  }),
  /** HTTP requests made to Jira, retries included. */
  requests: z.number().int(),
  retries: z.number().int(),
  error: z.string().nullable(),
});

/** `GET /api/workspaces/:workspace/teams/:team/source/runs` — newest first. */
export const syncRunPageSchema = pageSchema(syncRunSchema);
export const syncRunListQuerySchema = pageQuerySchema;

export type JiraFlavour = z.infer<typeof jiraFlavourSchema>;
export type JiraConnection = z.infer<typeof jiraConnectionSchema>;
export type JiraConnectionPage = z.infer<typeof jiraConnectionPageSchema>;
export type CreateJiraConnectionRequest = z.output<typeof createJiraConnectionRequestSchema>;
export type UpdateJiraConnectionRequest = z.output<typeof updateJiraConnectionRequestSchema>;
export type JiraProblemKind = z.infer<typeof jiraProblemKindSchema>;
export type JiraConnectionTestResult = z.infer<typeof jiraConnectionTestResultSchema>;
export type JiraField = z.infer<typeof jiraFieldSchema>;
export type JiraFieldList = z.infer<typeof jiraFieldListSchema>;
export type JiraSourceState = z.infer<typeof jiraSourceStateSchema>;
export type JiraSource = z.infer<typeof jiraSourceSchema>;
export type PutJiraSourceRequest = z.output<typeof putJiraSourceRequestSchema>;
export type SyncTrigger = z.infer<typeof syncTriggerSchema>;
export type SyncRunStatus = z.infer<typeof syncRunStatusSchema>;
export type SyncRun = z.infer<typeof syncRunSchema>;
export type SyncRunPage = z.infer<typeof syncRunPageSchema>;
