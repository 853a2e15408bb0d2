import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ChangePasswordForm } from '../../features/account/change-password-form';
import { AuthLayout } from './auth-layout';
import { useSignOut } from './session';
import { useSignedIn } from './signed-in-context';

/**
 * `/change-password`: where a user whose password someone else chose (the generated first
 * admin, an account made for them) lands until they choose their own — the API answers little
 * else meanwhile (403 `password-change-required`).
 */
export function ForcedPasswordChangePage() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const leave = () =>
    signOut.mutate(undefined, {
      onSettled: () => {
        void navigate('/sign-in', { replace: true });
        queryClient.clear();
      },
    });
  return (
    <AuthLayout
      title="Choose your own password"
      intro={`The password of ${user.email} was set for you. Choose one only you know before going on.`}
      footer={
        <Button variant="subtle" size="compact-sm" onClick={leave} loading={signOut.isPending}>
          Sign out
        </Button>
      }
    >
      <ChangePasswordForm
        submitLabel="Save and continue"
        onChanged={() => void navigate('/', { replace: true })}
      />
    </AuthLayout>
  );
}
