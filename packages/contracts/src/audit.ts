import { z } from 'zod';
import { pageSchema } from './pagination.js';

/** Every kind of write the audit log records; later features append theirs. */
export const auditActionSchema = z.enum([
  'workspace.created',
  'member.added',
  'member.invited',
  'member.joined',
  'member.role-changed',
  'member.removed',
  'token.created',
  'token.revoked',
]);

export const auditEventSchema = z.object({
  id: z.uuid(),
  action: auditActionSchema,
  targetType: z.string(),
  targetId: z.uuid().nullable(),
  actor: z.object({ userId: z.uuid(), email: z.string(), displayName: z.string() }),
  /** Set when the write came through an API token rather than a signed-in session. */
  actorTokenId: z.uuid().nullable(),
  /** The `X-Request-Id` of the request that made the write (null for start-up work). */
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** What changed, e.g. `{ from: 'viewer', to: 'editor' }`; never secrets. */
  details: z.record(z.string(), z.unknown()),
});

/** `GET /api/workspaces/:workspace/audit-events` (admin) — newest first. */
export const auditEventPageSchema = pageSchema(auditEventSchema);

export type AuditAction = z.infer<typeof auditActionSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;
