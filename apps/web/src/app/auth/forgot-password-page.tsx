import { passwordResetRequestSchema } from '@bearing/contracts';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../../api/account';
import { describeError } from '../../api/api-error';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { AuthLayout } from './auth-layout';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whatever the email — the
 * page says only what the server said, so it reveals no accounts either.
 */
export function ForgotPasswordPage() {
  const requestReset = useRequestPasswordReset();
  const [answer, setAnswer] = useState<string | null>(null);
  const form = useContractForm({
    initialValues: { email: '' },
    request: contractRequest(
      passwordResetRequestSchema,
      (values: { email: string }) => values,
      async (body) => setAnswer((await requestReset.mutateAsync(body)).message),
    ),
  });
  const backToSignIn = (
    <Anchor component={Link} to="/sign-in" size="sm">
      Back to sign in
    </Anchor>
  );
  return (
    <AuthLayout
      title="Reset your password"
      intro="Enter the email you sign in with: we send a link to choose a new password, valid for 30 minutes."
      footer={backToSignIn}
    >
      {answer !== null ? (
        <Alert color="blue" title="Check your email" role="status">
          {answer} No email? Ask your Bearing administrator for the link.
        </Alert>
      ) : (
        <form onSubmit={form.submit} noValidate>
          <Stack gap="md">
            {form.error && !form.errorAt('email') && (
              <Alert color="red" title="No link sent" role="alert">
                {describeError(form.error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={form.values.email}
              onChange={(event) => form.setValue('email', event.currentTarget.value)}
              error={form.errorAt('email') && 'Enter your email address, like name@example.com.'}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
