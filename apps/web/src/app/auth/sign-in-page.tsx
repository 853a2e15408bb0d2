import { signInRequestSchema } from '@bearing/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { SsoSignIn } from '../../features/single-sign-on/sso-sign-in';
import { useAuthConfig } from '../../features/single-sign-on/use-auth-config';
import { AuthLayout } from './auth-layout';
import { MfaSignInStep } from './mfa-sign-in-step';
import { safeNextPath } from './next-path';
import { useSignIn } from './session';

/** What went wrong with a sign-in, in words; `undefined` when the fields say it already. */
function signInFailure(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return describeError(error);
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === undefined
      ? 'Too many sign-in attempts. Wait a minute, then try again.'
      : `Too many sign-in attempts. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`;
  }
  if (error.status === 400 && error.problem.errors) return undefined;
  return error.detail;
}

/** `/sign-in?next=<path>`: email and password, then on to where the user was going. */
export function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  /** Set once the password was right for a user with two-factor authentication. */
  const [ticket, setTicket] = useState<string | null>(null);
  const goOn = () => void navigate(safeNextPath(searchParams.get('next')), { replace: true });
  const form = useContractForm({
    initialValues: { email: '', password: '' },
    request: contractRequest(
      signInRequestSchema,
      (values: { email: string; password: string }) => values,
      async (body) => {
        const answer = await signIn.mutateAsync(body);
        if ('mfaRequired' in answer) setTicket(answer.ticket);
        else goOn();
      },
    ),
  });
  const { values, setValue, errorAt } = form;
  // With BEARING_PASSWORD_LOGIN=off the server refuses passwords: offer only single sign-on.
  const passwordSignIn = useAuthConfig().data?.passwordSignIn !== false;

  const failure = form.error ? signInFailure(form.error) : undefined;
  if (ticket !== null) {
    return (
      <AuthLayout
        title="Two-factor authentication"
        intro="Your password was right. Now the code, to show it is you."
        footer="Lost your phone and your recovery codes? An instance administrator can reset your two-factor authentication."
      >
        <MfaSignInStep
          ticket={ticket}
          onSignedIn={goOn}
          onStartOver={() => {
            setTicket(null);
            form.setValues({ password: '' });
          }}
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Sign in"
      intro="Sign in to see your programs, objectives and teams."
      footer="No account yet? Ask an admin of your workspace for an invite link."
    >
      <form onSubmit={form.submit} noValidate>
        <Stack gap="md">
          <SsoSignIn />
          {failure && (
            <Alert color="red" title="Not signed in" role="alert">
              {failure}
            </Alert>
          )}
          {passwordSignIn && (
            <>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={values.email}
                onChange={(event) => setValue('email', event.currentTarget.value)}
                error={errorAt('email') && 'Enter your email address, like name@example.com.'}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={values.password}
                onChange={(event) => setValue('password', event.currentTarget.value)}
                error={errorAt('password') && 'Enter your password.'}
              />
              <Button type="submit" loading={form.submitting} fullWidth mt="xs">
                Sign in
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
                Forgot password?
              </Anchor>
            </>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
