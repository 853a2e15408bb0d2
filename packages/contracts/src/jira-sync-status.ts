import { z } from 'zod';
import { jiraSourceStateSchema } from './jira-sync.js';

/** How fresh one team's Jira data is: what the portfolio shows per synced team. */
export const teamSyncStatusSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  teamSlug: z.string(),
  state: jiraSourceStateSchema,
  enabled: z.boolean(),
  lastSyncAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  failingSince: z.iso.datetime().nullable(),
});

/**
 * `GET /api/workspaces/:workspace/jira-sync-status` (viewer and up): every team that syncs from
 * Jira, failing ones first, then by name. One source per team, so the list is as long as the
 * workspace's teams at most.
 */
export const teamSyncStatusListSchema = z.object({ items: z.array(teamSyncStatusSchema) });

export type TeamSyncStatus = z.infer<typeof teamSyncStatusSchema>;
export type TeamSyncStatusList = z.infer<typeof teamSyncStatusListSchema>;
