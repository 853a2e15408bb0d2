import {
  type AcceptInviteRequest,
  type CompleteMfaSignInRequest,
  type MeResponse,
  meResponseSchema,
  sessionResponseSchema,
  type SignInRequest,
  signInResponseSchema,
  type UpdateMeRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../api/client';

export const sessionKey = ['session'] as const;

/**
 * `GET /api/auth/session`: the signed-in user and their workspaces with roles, or `null`.
 *
 * This asks the public session route rather than `GET /api/me`: signed out is an ordinary
 * answer there (200), so pages where nobody is signed in yet make no failing request — which
 * browsers would log as a console error.
 */
export function useMe() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }) =>
      (await apiGet('/api/auth/session', sessionResponseSchema, { signal })).me,
    staleTime: 60_000,
  });
}

/** Starts from a clean cache for the user who just signed in, so nothing of another user shows. */
function startSession(queryClient: QueryClient, me: MeResponse): void {
  queryClient.clear();
  queryClient.setQueryData(sessionKey, me);
}

/**
 * `POST /api/auth/sign-in`: sets the session cookie and answers like `/api/me` — or, for a user
 * with two-factor authentication, `{mfaRequired, ticket}` and no session until
 * {@link useCompleteMfaSignIn}.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignInRequest) =>
      apiSend('POST', '/api/auth/sign-in', request, signInResponseSchema),
    onSuccess: (answer) => {
      if (!('mfaRequired' in answer)) startSession(queryClient, answer);
    },
  });
}

/** `POST /api/auth/mfa`: the ticket and a code (or recovery code) → the session. */
export function useCompleteMfaSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CompleteMfaSignInRequest) =>
      apiSend('POST', '/api/auth/mfa', request, meResponseSchema),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

/** `POST /api/auth/accept-invite`: creates the account, joins the workspace and signs in. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AcceptInviteRequest) =>
      apiSend('POST', '/api/auth/accept-invite', request, meResponseSchema),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

/**
 * `POST /api/auth/sign-out`: revokes the session. The caller leaves the signed-in pages first
 * and then clears the cache (see the user menu), so no page is left showing stale data.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/auth/sign-out'),
  });
}

/**
 * `PATCH /api/me`: the signed-in user's audience preference. The answer replaces the session in
 * the cache, so the header and the landing page follow at once.
 */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateMeRequest) =>
      apiSend('PATCH', '/api/me', request, meResponseSchema),
    onSuccess: (me) => queryClient.setQueryData(sessionKey, me),
  });
}
