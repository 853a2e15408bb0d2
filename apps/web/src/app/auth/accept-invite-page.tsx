import { acceptInviteRequestSchema, PASSWORD_MIN_LENGTH } from '@bearing/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  type FieldErrors,
} from '../../components/field-errors';
import { workspacePath } from '../layout/navigation-items';
import { AuthLayout } from './auth-layout';
import { useAcceptInvite } from './session';

/** `/invite/:token`: the link an admin passed on. Choose a name and password, then go in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const acceptInvite = useAcceptInvite();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = acceptInviteRequestSchema.safeParse({ token, displayName, password });
    const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
    if (repeated !== password) errors.repeated = 'The two passwords differ.';
    setFieldErrors(errors);
    if (!parsed.success || errors.repeated) return;
    acceptInvite.mutate(parsed.data, {
      onSuccess: (me) => {
        const joined = me.workspaces[0];
        void navigate(joined ? workspacePath(joined.slug, '') : '/', { replace: true });
      },
      onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
    });
  };

  const error = acceptInvite.error;
  const linkUnusable = error instanceof ApiError && (error.status === 404 || error.status === 409);
  return (
    <AuthLayout
      title="Join your team on Bearing"
      intro="You were invited to a workspace. Choose the name others will see and a password to finish your account."
      footer={
        <>
          Have an account already?{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error && !(error instanceof ApiError && error.status === 400) && (
            <Alert
              color="red"
              title={linkUnusable ? 'This invite link cannot be used' : 'Not joined'}
              role="alert"
            >
              {describeError(error)}
            </Alert>
          )}
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={fieldErrors.displayName && 'Enter the name your colleagues know you by.'}
          />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldErrors.password}
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            error={fieldErrors.repeated}
          />
          {fieldErrors.token && (
            <Alert color="red" role="alert">
              This invite link is incomplete: open the whole link you were given.
            </Alert>
          )}
          <Button type="submit" loading={acceptInvite.isPending} fullWidth mt="xs">
            Create account and join
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
