import { Anchor, Breadcrumbs, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useNotificationPreferences } from '../../../api/notifications';
import { useSignedIn } from '../../../app/auth/signed-in-context';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { useDocumentTitle } from '../../../components/use-document-title';
import { PreferencesForm } from './preferences-form';

/**
 * `/account/notifications`: which events reach the signed-in user on which channel, the weekly
 * digest, and the time zone it is sent in.
 */
export function NotificationPreferencesPage() {
  useDocumentTitle('Notification preferences');
  const preferences = useNotificationPreferences();
  const { preferences: me } = useSignedIn();
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/account" size="sm">
              Your account
            </Anchor>
            <Text size="sm">Notifications</Text>
          </Breadcrumbs>
        }
        title="Notification preferences"
        description="What reaches you, where. You hear about what you own and what you follow: use Follow on a program, metric, guardrail or team page."
      />
      <Paper withBorder radius="md" p="lg">
        {preferences.isPending ? (
          <LoadingRows label="Loading your preferences" />
        ) : preferences.isError ? (
          <ErrorAlert
            title="Your preferences could not be loaded"
            error={preferences.error}
            onRetry={() => void preferences.refetch()}
          />
        ) : (
          <PreferencesForm saved={preferences.data} savedTimeZone={me.timeZone ?? null} />
        )}
      </Paper>
    </Stack>
  );
}
