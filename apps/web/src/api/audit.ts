import { auditEventPageSchema } from '@bearing/contracts';
import { usePagedList } from './paged-list';
import { workspaceKey } from './workspaces';

const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  events: (workspace: string) => [...workspaceKey(workspace), 'audit-events'] as const,
};

/** `GET /api/workspaces/:workspace/audit-events` (admin): newest first, page by page. */
export function useAuditEvents(workspace: string) {
  return usePagedList(
    auditKeys.events(workspace),
    `/api/workspaces/${encodeURIComponent(workspace)}/audit-events`,
    auditEventPageSchema,
    AUDIT_PAGE_SIZE,
  );
}
