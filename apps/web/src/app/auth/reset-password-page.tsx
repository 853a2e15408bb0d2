import { passwordResetConfirmRequestSchema, PASSWORD_MIN_LENGTH } from '@bearing/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useConfirmPasswordReset } from '../../api/account';
import { ApiError, describeError } from '../../api/api-error';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { AuthLayout } from './auth-layout';

interface ResetValues {
  password: string;
  /** The password typed again; checked here, never sent. */
  repeated: string;
}

/**
 * The link's secret travels in the fragment (`#token=…`), which browsers never send to a
 * server nor put in a `Referer`: it reaches only this page's script.
 */
function tokenFrom(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** `/reset-password#token=…`: the page a reset link opens. Choose a new password. */
export function ResetPasswordPage() {
  const { hash } = useLocation();
  const token = tokenFrom(hash);
  const confirm = useConfirmPasswordReset();
  const [done, setDone] = useState(false);
  const form = useContractForm<ResetValues>({
    initialValues: { password: '', repeated: '' },
    request: contractRequest(
      passwordResetConfirmRequestSchema,
      ({ password }: ResetValues) => ({ token, password }),
      async (body) => {
        await confirm.mutateAsync(body);
        setDone(true);
      },
    ),
    validate: ({ password, repeated }) =>
      repeated !== password ? { repeated: 'The two passwords differ.' } : {},
  });
  const { values, setValue, errorAt } = form;
  const linkUnusable = token === '' || errorAt('token') !== undefined;
  const otherFailure = form.error && !(form.error instanceof ApiError && form.error.status === 400);

  return (
    <AuthLayout
      title="Choose a new password"
      intro="You will be signed out everywhere; then sign in with the new password."
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign in
        </Anchor>
      }
    >
      {done ? (
        <Alert color="green" title="Password changed" role="status">
          Your password is set, and every session has ended.{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in with it
          </Anchor>
          .
        </Alert>
      ) : (
        <form onSubmit={form.submit} noValidate>
          <Stack gap="md">
            {linkUnusable && (
              <Alert color="red" title="This reset link cannot be used" role="alert">
                It is incomplete, used already or older than 30 minutes.{' '}
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Ask for a new link
                </Anchor>
                .
              </Alert>
            )}
            {otherFailure && (
              <Alert color="red" title="Password not changed" role="alert">
                {describeError(form.error)}
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password, not your name or email.`}
              autoComplete="new-password"
              required
              value={values.password}
              onChange={(event) => setValue('password', event.currentTarget.value)}
              error={errorAt('password')}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              required
              value={values.repeated}
              onChange={(event) => setValue('repeated', event.currentTarget.value)}
              error={errorAt('repeated')}
            />
            <Button type="submit" loading={form.submitting} fullWidth disabled={token === ''}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
