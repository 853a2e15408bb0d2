import { acceptInviteRequestSchema, PASSWORD_MIN_LENGTH } from '@bearing/contracts';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { workspacePath } from '../layout/navigation-items';
import { AuthLayout } from './auth-layout';
import { useAcceptInvite } from './session';

interface InviteValues {
  displayName: string;
  password: string;
  /** The password typed again; checked here, never sent. */
  repeated: string;
}

/** `/invite/:token`: the link an admin passed on. Choose a name and password, then go in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const acceptInvite = useAcceptInvite();
  const form = useContractForm<InviteValues>({
    initialValues: { displayName: '', password: '', repeated: '' },
    request: contractRequest(
      acceptInviteRequestSchema,
      ({ displayName, password }: InviteValues) => ({ token, displayName, password }),
      async (body) => {
        const me = await acceptInvite.mutateAsync(body);
        const joined = me.workspaces[0];
        void navigate(joined ? workspacePath(joined.slug, '') : '/', { replace: true });
      },
    ),
    validate: ({ password, repeated }) =>
      repeated !== password ? { repeated: 'The two passwords differ.' } : {},
  });
  const { values, setValue, errorAt } = form;
  const { displayName, password, repeated } = values;

  const error = form.error;
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
      <form onSubmit={form.submit} noValidate>
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
            onChange={(event) => setValue('displayName', event.currentTarget.value)}
            error={errorAt('displayName') && 'Enter the name your colleagues know you by.'}
          />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setValue('password', event.currentTarget.value)}
            error={errorAt('password')}
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(event) => setValue('repeated', event.currentTarget.value)}
            error={errorAt('repeated')}
          />
          {errorAt('token') && (
            <Alert color="red" role="alert">
              This invite link is incomplete: open the whole link you were given.
            </Alert>
          )}
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Create account and join
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
