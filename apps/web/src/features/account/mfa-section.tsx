import { disableMfaRequestSchema } from '@bearing/contracts';
import { Badge, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useDisableMfa } from '../../api/account';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { RecoveryCodesList } from './recovery-codes-list';
import { TotpEnrolment } from './totp-enrolment';

/** The Account page's two-factor authentication: set up, recovery codes once, turn off. */
export function MfaSection() {
  const { user } = useSignedIn();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2} size="h3">
          Two-factor authentication
        </Title>
        <Badge variant="light" color={user.mfaEnabled ? 'teal' : 'gray'} tt="none">
          {user.mfaEnabled ? 'On' : 'Off'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        With it on, signing in asks for a code from an app on your phone after the password. Turning
        it on signs you out everywhere else.
      </Text>
      {recoveryCodes !== null ? (
        <RecoveryCodesList codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : user.mfaEnabled ? (
        <DisableMfaForm />
      ) : (
        <TotpEnrolment onEnabled={setRecoveryCodes} />
      )}
    </Stack>
  );
}

/** Turning MFA off asks for the password: it proves the owner is at the keyboard. */
function DisableMfaForm() {
  const disable = useDisableMfa();
  const [open, setOpen] = useState(false);
  const form = useContractForm<{ password: string }>({
    initialValues: { password: '' },
    request: contractRequest(
      disableMfaRequestSchema,
      (values: { password: string }) => values,
      async (body) => {
        await disable.mutateAsync(body);
        form.setValues({ password: '' });
        setOpen(false);
      },
    ),
    validate: ({ password }) => (password === '' ? { password: 'Enter your password.' } : {}),
  });
  if (!open) {
    return (
      <Button variant="default" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        Turn off two-factor authentication
      </Button>
    );
  }
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormErrorAlert error={form.error} fields={['password']} title="Still on" />
        <PasswordInput
          label="Your password"
          description="The app and your recovery codes stop working."
          autoComplete="current-password"
          required
          value={form.values.password}
          onChange={(event) => form.setValue('password', event.currentTarget.value)}
          error={form.errorAt('password')}
        />
        <Group gap="sm">
          <Button type="submit" color="red" loading={form.submitting}>
            Turn off
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
