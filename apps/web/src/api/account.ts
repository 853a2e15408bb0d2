import {
  accountSessionListSchema,
  type ChangePasswordRequest,
  type DisableMfaRequest,
  passwordResetAcceptedSchema,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  pendingPasswordResetListSchema,
  recoveryCodesSchema,
  revokedSessionsSchema,
  totpEnrolmentSchema,
  type VerifyTotpRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../app/auth/session';
import { apiGet, apiSend } from './client';

export const accountKeys = { sessions: ['me', 'sessions'] as const };

/** `GET /api/me/sessions`: the signed-in user's live sessions, this one marked. */
export function useAccountSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: ({ signal }) => apiGet('/api/me/sessions', accountSessionListSchema, { signal }),
  });
}

/**
 * `POST /api/me/password`: other sessions end, so the list is read again; the session is too
 * (a pending forced change is done, which lets the rest of the app open).
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => apiSend('POST', '/api/me/password', request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
        queryClient.invalidateQueries({ queryKey: sessionKey }),
      ]),
  });
}

/** `DELETE /api/me/sessions/:id`. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

/** `POST /api/me/sessions/revoke-others`: answers how many ended. */
export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/me/sessions/revoke-others', undefined, revokedSessionsSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

/**
 * `POST /api/me/sessions/revoke-all`: signs out everywhere, this browser included (the API
 * clears its cookie). The caller leaves for the sign-in page and then clears the cache, as after
 * signing out.
 */
export function useRevokeAllSessions() {
  return useMutation({
    mutationFn: () =>
      apiSend('POST', '/api/me/sessions/revoke-all', undefined, revokedSessionsSchema),
  });
}

/** `POST /api/auth/password-reset`: always the same answer, whatever the email. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (request: PasswordResetRequest) =>
      apiSend('POST', '/api/auth/password-reset', request, passwordResetAcceptedSchema),
  });
}

/** `POST /api/auth/password-reset/confirm`: sets the password; every session has ended. */
export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PasswordResetConfirmRequest) =>
      apiSend('POST', '/api/auth/password-reset/confirm', request),
    onSuccess: () => queryClient.clear(),
  });
}

/** `GET /api/admin/password-resets` (instance admin): reset links waiting to be passed on. */
export function useHeldPasswordResets() {
  return useQuery({
    queryKey: ['admin', 'password-resets'] as const,
    queryFn: ({ signal }) =>
      apiGet('/api/admin/password-resets', pendingPasswordResetListSchema, { signal }),
  });
}

/** `POST /api/me/mfa/totp`: a new secret and its `otpauth://` link (nothing is on yet). */
export function useStartTotpEnrolment() {
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/me/mfa/totp', undefined, totpEnrolmentSchema),
  });
}

/**
 * `POST /api/me/mfa/totp/verify`: the first code turns MFA on and answers the recovery codes;
 * other sessions end, and the session (which says whether MFA is on) is read again.
 */
export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: VerifyTotpRequest) =>
      apiSend('POST', '/api/me/mfa/totp/verify', request, recoveryCodesSchema),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
        queryClient.invalidateQueries({ queryKey: sessionKey }),
      ]),
  });
}

/** `DELETE /api/me/mfa {password}`: turns MFA off. */
export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DisableMfaRequest) => apiSend('DELETE', '/api/me/mfa', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
