import { completeMfaSignInRequestSchema } from '@bearing/contracts';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { useCompleteMfaSignIn } from './session';

export interface MfaSignInStepProps {
  /** From the password step: completes one sign-in within five minutes. */
  ticket: string;
  onSignedIn: () => void;
  /** The ticket is spent or expired: back to the password. */
  onStartOver: () => void;
}

interface CodeValues {
  code: string;
}

/** What went wrong with the code step, in words; `undefined` when the field says it already. */
function codeFailure(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return describeError(error);
  if (error.status === 400 && error.problem.errors) return undefined;
  return error.detail;
}

/**
 * The second step of signing in: a code from the authenticator app, or one of the recovery
 * codes when the phone is not at hand. There is no "remember this browser": every sign-in asks.
 */
export function MfaSignInStep({ ticket, onSignedIn, onStartOver }: MfaSignInStepProps) {
  const complete = useCompleteMfaSignIn();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const field = withRecoveryCode ? 'recoveryCode' : 'code';
  const form = useContractForm<CodeValues>({
    initialValues: { code: '' },
    request: contractRequest(
      completeMfaSignInRequestSchema,
      ({ code }: CodeValues) => ({ ticket, [field]: code }),
      async (body) => {
        await complete.mutateAsync(body);
        onSignedIn();
      },
    ),
  });
  const failure = form.error ? codeFailure(form.error) : undefined;
  const ticketDead = form.error instanceof ApiError && form.error.status === 401;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" title="Not signed in" role="alert">
            {failure}
          </Alert>
        )}
        {withRecoveryCode ? (
          <TextInput
            key="recovery-code"
            label="Recovery code"
            description="One of the codes you saved when you set up two-factor authentication. Each works once."
            autoComplete="off"
            required
            value={form.values.code}
            onChange={(event) => form.setValue('code', event.currentTarget.value)}
            error={form.errorAt('recoveryCode')}
          />
        ) : (
          <TextInput
            key="code"
            label="Code from your authenticator app"
            description="The six digits your app shows for Bearing now."
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={form.values.code}
            onChange={(event) => form.setValue('code', event.currentTarget.value)}
            error={form.errorAt('code')}
          />
        )}
        {ticketDead ? (
          <Button onClick={onStartOver} fullWidth mt="xs">
            Sign in again
          </Button>
        ) : (
          <Button type="submit" loading={form.submitting} fullWidth mt="xs">
            Verify
          </Button>
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="center"
          onClick={() => {
            setWithRecoveryCode(!withRecoveryCode);
            form.setValues({ code: '' });
          }}
        >
          {withRecoveryCode ? 'Use the code from your app instead' : 'Use a recovery code instead'}
        </Anchor>
      </Stack>
    </form>
  );
}
