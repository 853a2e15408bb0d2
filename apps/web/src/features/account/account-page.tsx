import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { ChangePasswordForm } from './change-password-form';
import { MfaSection } from './mfa-section';
import { SessionsSection } from './sessions-section';

/** `/account`: the signed-in user's password, two-factor authentication and sessions. */
export function AccountPage() {
  useDocumentTitle('Your account');
  const { user } = useSignedIn();
  const [changed, setChanged] = useState(false);
  return (
    <Stack gap="xl">
      <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Password
          </Title>
          <Text size="sm" c="dimmed">
            Changing it signs you out everywhere else; this browser stays signed in.
          </Text>
          {changed && (
            <Text size="sm" role="status" fw={600}>
              Your password was changed. Your other sessions have ended.
            </Text>
          )}
          <ChangePasswordForm onChanged={() => setChanged(true)} />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <MfaSection />
      </Paper>
      <Divider />
      <SessionsSection />
    </Stack>
  );
}
