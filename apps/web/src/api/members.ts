import {
  type AddMemberRequest,
  addMemberResponseSchema,
  memberPageSchema,
  memberSchema,
  workspaceInvitationListSchema,
  type WorkspaceRole,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../app/auth/session';
import { apiGet, apiSend } from './client';
import { usePagedList } from './paged-list';
import { workspaceKey } from './workspaces';

const MEMBERS_PAGE_SIZE = 100;

export const memberKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'members'] as const,
  invitations: (workspace: string) => [...workspaceKey(workspace), 'invitations'] as const,
};

function membersPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/members`;
}

/** `GET /api/workspaces/:workspace/members`, by email. */
export function useMembers(workspace: string) {
  return usePagedList(
    memberKeys.all(workspace),
    membersPath(workspace),
    memberPageSchema,
    MEMBERS_PAGE_SIZE,
  );
}

/**
 * After a membership change: everything of the workspace (a removal also revokes the member's
 * tokens; the audit log grew) and the session, as the caller's own role may have changed.
 */
function useInvalidateMembers(workspace: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKey(workspace) }),
      queryClient.invalidateQueries({ queryKey: sessionKey }),
    ]);
}

/** `POST …/members` (admin): adds a person now, or answers with a one-time invite link. */
export function useAddMember(workspace: string) {
  const invalidate = useInvalidateMembers(workspace);
  return useMutation({
    mutationFn: (request: AddMemberRequest) =>
      apiSend('POST', membersPath(workspace), request, addMemberResponseSchema),
    onSuccess: invalidate,
  });
}

export interface RoleChange {
  userId: string;
  role: WorkspaceRole;
  /** The version the admin saw; a stale one is refused with 409 `stale-version`. */
  version: number;
}

/** `PATCH …/members/:userId` (admin). */
export function useChangeMemberRole(workspace: string) {
  const invalidate = useInvalidateMembers(workspace);
  return useMutation({
    mutationFn: ({ userId, role, version }: RoleChange) =>
      apiSend(
        'PATCH',
        `${membersPath(workspace)}/${encodeURIComponent(userId)}`,
        { role, version },
        memberSchema,
      ),
    // A 409 leaves the list as the admin saw it: the page says what happened and offers a reload.
    onSuccess: invalidate,
  });
}

/** `DELETE …/members/:userId` (admin); never the last admin (409 `last-admin`). */
export function useRemoveMember(workspace: string) {
  const invalidate = useInvalidateMembers(workspace);
  return useMutation({
    mutationFn: (userId: string) =>
      apiSend('DELETE', `${membersPath(workspace)}/${encodeURIComponent(userId)}`),
    onSuccess: invalidate,
  });
}

function invitationsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/invitations`;
}

/** `GET …/invitations` (admin): the open invitations, soonest to expire first. */
export function useWorkspaceInvitations(workspace: string) {
  return useQuery({
    queryKey: memberKeys.invitations(workspace),
    queryFn: ({ signal }) =>
      apiGet(invitationsPath(workspace), workspaceInvitationListSchema, { signal }),
  });
}

/** `DELETE …/invitations/:id` (admin): the link stops working at once. */
export function useRevokeInvitation(workspace: string) {
  const invalidate = useInvalidateMembers(workspace);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `${invitationsPath(workspace)}/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

/**
 * `DELETE …/members/me`: the signed-in user leaves the workspace (never its last admin, 409
 * `last-admin`). Afterwards the session's workspaces are read again; the caller navigates away.
 */
export function useLeaveWorkspace(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('DELETE', `${membersPath(workspace)}/me`),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: workspaceKey(workspace) });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
