import { myInvitationListSchema, workspaceSchema } from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../app/auth/session';
import { apiGet, apiSend } from './client';

export const invitationKeys = { mine: ['me', 'invitations'] as const };

/** `GET /api/me/invitations`: the open invitations to the signed-in user's email. */
export function useMyInvitations() {
  return useQuery({
    queryKey: invitationKeys.mine,
    queryFn: ({ signal }) => apiGet('/api/me/invitations', myInvitationListSchema, { signal }),
  });
}

/** After answering an invitation: the list, and the session (its workspaces) on accepting. */
function useInvalidateInvitations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: invitationKeys.mine }),
      queryClient.invalidateQueries({ queryKey: sessionKey }),
    ]);
}

/** `POST /api/me/invitations/:id/accept`: joins; answers the workspace with the role given. */
export function useAcceptInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(
        'POST',
        `/api/me/invitations/${encodeURIComponent(id)}/accept`,
        undefined,
        workspaceSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `DELETE /api/me/invitations/:id`: declines. */
export function useDeclineInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/me/invitations/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}
