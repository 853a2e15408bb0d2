import {
  adminUserPageSchema,
  adminUserSchema,
  auditEventPageSchema,
  instanceSettingsSchema,
  jobPageSchema,
  pendingSsoLinkListSchema,
  revokedSessionsSchema,
  type UpdateInstanceSettingsRequest,
} from '@bearing/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { sessionKey } from '../app/auth/session';
import { withQuery } from './all-pages';
import { apiGet, apiSend } from './client';
import { pagedListOf, usePagedList } from './paged-list';

const USERS_PAGE_SIZE = 50;
const AUDIT_PAGE_SIZE = 50;

export const adminKeys = {
  all: ['admin'] as const,
  settings: ['admin', 'settings'] as const,
  users: (search: string) => ['admin', 'users', search] as const,
  auditEvents: ['admin', 'audit-events'] as const,
  jobs: ['admin', 'jobs'] as const,
  ssoLinks: ['admin', 'sso-links'] as const,
};

/** `GET /api/admin/settings` (instance admin). */
export function useInstanceSettings() {
  return useQuery({
    queryKey: adminKeys.settings,
    queryFn: ({ signal }) => apiGet('/api/admin/settings', instanceSettingsSchema, { signal }),
  });
}

/** `PATCH /api/admin/settings`; the session follows, as it says who may create workspaces. */
export function useUpdateInstanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateInstanceSettingsRequest) =>
      apiSend('PATCH', '/api/admin/settings', request, instanceSettingsSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.all }),
        queryClient.invalidateQueries({ queryKey: sessionKey }),
      ]),
  });
}

/** `GET /api/admin/users?search=` (instance admin): every account by email, page by page. */
export function useAdminUsers(search: string) {
  const term = search.trim();
  const query = useInfiniteQuery({
    queryKey: adminKeys.users(term),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/admin/users', {
          search: term || undefined,
          limit: String(USERS_PAGE_SIZE),
          cursor: pageParam,
        }),
        adminUserPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // The rows shown stay while the next search loads, instead of a flash of skeleton.
    placeholderData: keepPreviousData,
  });
  return pagedListOf(query);
}

/** `PATCH /api/admin/users/:id {active}`: deactivate (sessions and tokens end) or reactivate. */
export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiSend('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, { active }, adminUserSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

/**
 * `PATCH /api/admin/users/:id {instanceAdmin}`: grants or takes away instance administration
 * (never from the last one: a 409 says so).
 */
export function useSetInstanceAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, instanceAdmin }: { id: string; instanceAdmin: boolean }) =>
      apiSend(
        'PATCH',
        `/api/admin/users/${encodeURIComponent(id)}`,
        { instanceAdmin },
        adminUserSchema,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

/** `DELETE /api/admin/users/:id/sessions`: signs the account out everywhere; answers how many. */
export function useEndUserSessions() {
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'DELETE',
        `/api/admin/users/${encodeURIComponent(id)}/sessions`,
        undefined,
        revokedSessionsSchema,
      ),
  });
}

/** `GET /api/admin/sso-links` (instance admin): accounts whose single sign-on link waits. */
export function usePendingSsoLinks() {
  return useQuery({
    queryKey: adminKeys.ssoLinks,
    queryFn: ({ signal }) => apiGet('/api/admin/sso-links', pendingSsoLinkListSchema, { signal }),
  });
}

/** `POST /api/admin/sso-links/:userId/confirm`: links the account to the identity waiting. */
export function useConfirmSsoLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiSend('POST', `/api/admin/sso-links/${encodeURIComponent(userId)}/confirm`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

/** `DELETE /api/admin/users/:id/mfa`: removes the account's second factor (recorded). */
export function useResetUserMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/admin/users/${encodeURIComponent(id)}/mfa`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

/** `GET /api/admin/audit-events` (instance admin): the events of no workspace, newest first. */
export function useInstanceAuditEvents() {
  return usePagedList(
    adminKeys.auditEvents,
    '/api/admin/audit-events',
    auditEventPageSchema,
    AUDIT_PAGE_SIZE,
  );
}

const JOBS_PAGE_SIZE = 50;

/** `GET /api/admin/jobs` (instance admin): the jobs of no workspace, newest first. */
export function useInstanceJobs() {
  return usePagedList(adminKeys.jobs, '/api/admin/jobs', jobPageSchema, JOBS_PAGE_SIZE);
}
