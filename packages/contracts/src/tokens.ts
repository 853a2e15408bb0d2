import { z } from 'zod';
import { userSchema } from './auth.js';
import { pageSchema } from './pagination.js';
import { workspaceSlugSchema } from './workspaces.js';
import { text } from './text.js';

/**
 * What an API token may do in its workspace: `read` acts as a viewer, `write` as an editor —
 * and never more than its owner's current role. No token acts as an admin.
 */
export const tokenScopeSchema = z.enum(['read', 'write']);

export const TOKEN_MAX_DAYS = 365;

/** `POST /api/me/tokens` — answers with `createdTokenResponseSchema`, the only time `token` shows. */
export const createTokenRequestSchema = z.strictObject({
  name: text().min(1).max(100),
  workspace: workspaceSlugSchema,
  scope: tokenScopeSchema,
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS),
});

/** A token as listed: never its secret, only the first characters to recognise it by. */
export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** e.g. `brg_x1Yz9Q` — the start of the secret. */
  prefix: z.string(),
  scope: tokenScopeSchema,
  workspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  owner: userSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const createdTokenResponseSchema = apiTokenSchema.extend({
  /** `brg_…` — send as `Authorization: Bearer <token>`. Shown once; only its hash is kept. */
  token: z.string(),
});

/** `GET /api/me/tokens` and `GET /api/workspaces/:workspace/tokens` — unrevoked, newest first. */
export const apiTokenPageSchema = pageSchema(apiTokenSchema);

export type TokenScope = z.infer<typeof tokenScopeSchema>;
export type CreateTokenRequest = z.infer<typeof createTokenRequestSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreatedTokenResponse = z.infer<typeof createdTokenResponseSchema>;
export type ApiTokenPage = z.infer<typeof apiTokenPageSchema>;
