import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RecoveryCodesList } from '../../features/account/recovery-codes-list';
import { TotpEnrolment } from '../../features/account/totp-enrolment';
import { AuthLayout } from './auth-layout';
import { useSignOut } from './session';
import { useSignedIn } from './signed-in-context';

/**
 * `/enrol-mfa`: where an instance admin without a second factor lands while the instance
 * requires one (`BEARING_REQUIRE_MFA=admins`) — the API answers little else meanwhile (403
 * `mfa-enrolment-required`).
 */
export function ForcedMfaEnrolmentPage() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const leave = () =>
    signOut.mutate(undefined, {
      onSettled: () => {
        void navigate('/sign-in', { replace: true });
        queryClient.clear();
      },
    });
  return (
    <AuthLayout
      title="Set up two-factor authentication"
      intro={`This instance asks its administrators to sign in with a second factor. Set one up for ${user.email} before going on.`}
      footer={
        <Button variant="subtle" size="compact-sm" onClick={leave} loading={signOut.isPending}>
          Sign out
        </Button>
      }
    >
      {recoveryCodes === null ? (
        <TotpEnrolment onEnabled={setRecoveryCodes} />
      ) : (
        <RecoveryCodesList
          codes={recoveryCodes}
          onDone={() => void navigate('/', { replace: true })}
        />
      )}
    </AuthLayout>
  );
}
