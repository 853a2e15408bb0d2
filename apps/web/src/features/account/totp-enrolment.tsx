import { verifyTotpRequestSchema } from '@bearing/contracts';
import { Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useStartTotpEnrolment, useVerifyTotp } from '../../api/account';
import { ErrorAlert } from '../../components/error-alert';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { OtpauthQrCode } from './otpauth-qr-code';

export interface TotpEnrolmentProps {
  /** MFA is on: the recovery codes to show once. */
  onEnabled: (recoveryCodes: string[]) => void;
}

/**
 * Setting up an authenticator app: a new secret as a QR code (and as text, for apps that cannot
 * scan), then the first code the app shows turns it on.
 */
export function TotpEnrolment({ onEnabled }: TotpEnrolmentProps) {
  const start = useStartTotpEnrolment();
  const verify = useVerifyTotp();
  const form = useContractForm<{ code: string }>({
    initialValues: { code: '' },
    request: contractRequest(
      verifyTotpRequestSchema,
      (values: { code: string }) => values,
      async (body) => {
        const { recoveryCodes } = await verify.mutateAsync(body);
        onEnabled(recoveryCodes);
      },
    ),
  });

  if (!start.data) {
    return (
      <Stack gap="sm" align="flex-start">
        {start.error && <ErrorAlert title="Could not start" error={start.error} />}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          Set up an authenticator app
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md" maw={420}>
        <Text size="sm">
          1. Scan this code with an authenticator app (such as 1Password, Google Authenticator or
          Microsoft Authenticator).
        </Text>
        <OtpauthQrCode url={start.data.otpauthUrl} />
        <Text size="sm">
          Cannot scan? Enter this key in the app instead: <Code>{start.data.secret}</Code>
        </Text>
        <FormErrorAlert error={form.error} fields={['code']} title="Not turned on" />
        <TextInput
          label="2. The six-digit code the app now shows"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maw={200}
          value={form.values.code}
          onChange={(event) => form.setValue('code', event.currentTarget.value)}
          error={form.errorAt('code')}
        />
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            Turn on
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
