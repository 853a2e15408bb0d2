import { changePasswordRequestSchema, PASSWORD_MIN_LENGTH } from '@bearing/contracts';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useChangePassword } from '../../api/account';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  /** The new password typed again; checked here, never sent. */
  repeated: string;
}

const EMPTY: PasswordValues = { currentPassword: '', newPassword: '', repeated: '' };

export interface ChangePasswordFormProps {
  /** After the change: the other sessions have ended, this one stays. */
  onChanged: () => void;
  submitLabel?: string;
}

/**
 * Current password, new password twice. The server's policy speaks on the field it is about
 * ("is one of the most common passwords", "contains your email address").
 */
export function ChangePasswordForm({
  onChanged,
  submitLabel = 'Change password',
}: ChangePasswordFormProps) {
  const changePassword = useChangePassword();
  const form = useContractForm<PasswordValues>({
    initialValues: EMPTY,
    request: contractRequest(
      changePasswordRequestSchema,
      ({ currentPassword, newPassword }: PasswordValues) => ({ currentPassword, newPassword }),
      async (body) => {
        await changePassword.mutateAsync(body);
        form.setValues(EMPTY);
        onChanged();
      },
    ),
    validate: ({ currentPassword, newPassword, repeated }) => ({
      ...(currentPassword === '' ? { currentPassword: 'Enter your current password.' } : {}),
      ...(repeated !== newPassword ? { repeated: 'The two new passwords differ.' } : {}),
    }),
  });
  const { values, setValue, errorAt } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormErrorAlert
          error={form.error}
          fields={['currentPassword', 'newPassword']}
          title="Password not changed"
        />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={(event) => setValue('currentPassword', event.currentTarget.value)}
          error={errorAt('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password, not your name or email. A passphrase of a few unusual words works well.`}
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={(event) => setValue('newPassword', event.currentTarget.value)}
          error={errorAt('newPassword')}
        />
        <PasswordInput
          label="Repeat new password"
          autoComplete="new-password"
          required
          value={values.repeated}
          onChange={(event) => setValue('repeated', event.currentTarget.value)}
          error={errorAt('repeated')}
        />
        <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
