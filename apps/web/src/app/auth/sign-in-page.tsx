import { signInRequestSchema } from '@bearing/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  type FieldErrors,
} from '../../components/field-errors';
import { AuthLayout } from './auth-layout';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = signInRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data, {
      onSuccess: () => void navigate(safeNextPath(searchParams.get('next')), { replace: true }),
      onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
    });
  };

  const failure = signIn.isError ? signInFailure(signIn.error) : undefined;
  return (
    <AuthLayout
      title="Sign in"
      intro="Sign in to see your programs, objectives and teams."
      footer="No account yet? Ask an admin of your workspace for an invite link."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" title="Not signed in" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldErrors.email && 'Enter your email address, like name@example.com.'}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password && 'Enter your password.'}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
