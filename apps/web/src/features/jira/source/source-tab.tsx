import type { Team } from '@bearing/contracts';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  useDeleteTeamSource,
  useJiraConnections,
  useSyncNow,
  useTeamSource,
} from '../../../api/jira';
import { workspacePath } from '../../../app/layout/navigation-items';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { EmptyTable } from '../../settings/table-states';
import { SyncStatus } from '../status/sync-status';
import { SourceForm } from './source-form';
import { SyncHistory } from './sync-history';
import { WebhookAddressNotice, WebhookSection } from './webhook-section';

export interface SourceTabProps {
  workspace: string;
  team: Team;
  editor: boolean;
}

/**
 * A team's Jira source: the settings (editors), its sync status with "Sync now" and "Stop
 * syncing from Jira", the webhook, and the history of syncs with what each wrote.
 */
export function SourceTab({ workspace, team, editor }: SourceTabProps) {
  const source = useTeamSource(workspace, team.id);
  const connections = useJiraConnections(workspace);
  const syncNow = useSyncNow(workspace, team.id);
  const stopSyncing = useDeleteTeamSource(workspace, team.id);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [webhookUrl, setWebhookUrl] = useState<string | null>(null);

  if (source.isPending || connections.isPending) {
    return <LoadingRows label="Loading the team's Jira source" rows={3} height={120} />;
  }
  if (source.isError || connections.isError) {
    return (
      <ErrorAlert
        title="The Jira source could not be loaded"
        error={source.error ?? connections.error}
        onRetry={() => {
          void source.refetch();
          void connections.refetch();
        }}
      />
    );
  }
  const current = source.data;
  const settings = (
    <Anchor component={Link} to={workspacePath(workspace, 'settings/jira')}>
      Settings → Jira connections
    </Anchor>
  );

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" maw={720}>
          Keep {team.name}&apos;s issues and sprints in sync with Jira: the first sync reads
          everything, later ones only what changed. Assignee and reporter names are never stored.
        </Text>
        {!editor && (
          <Text size="sm">Editors and admins set up the source; you can follow its syncs.</Text>
        )}
      </Stack>
      {current && (
        <Group justify="space-between" gap="md">
          <SyncStatus source={current} />
          {editor && (
            <Group gap="sm">
              <Button
                variant="default"
                color="red"
                onClick={() => {
                  stopSyncing.reset();
                  setConfirmingStop(true);
                }}
              >
                Stop syncing from Jira
              </Button>
              <Button
                onClick={() => syncNow.mutate()}
                loading={syncNow.isPending}
                disabled={current.state === 'syncing'}
              >
                Sync now
              </Button>
            </Group>
          )}
        </Group>
      )}
      <ConfirmModal
        opened={confirmingStop}
        title="Stop syncing from Jira"
        confirmLabel="Stop syncing"
        onConfirm={() =>
          stopSyncing.mutate(undefined, {
            onSuccess: () => {
              setConfirmingStop(false);
              setWebhookUrl(null);
            },
          })
        }
        onClose={() => setConfirmingStop(false)}
        pending={stopSyncing.isPending}
        error={stopSyncing.error}
        errorTitle="The source could not be removed"
      >
        {team.name} stops syncing from Jira: its source, schedule, webhook address and sync history
        are removed. The team&apos;s work items and sprints stay as they are, and you can set up a
        source again at any time.
      </ConfirmModal>
      {syncNow.error && <ErrorAlert title="The sync could not be started" error={syncNow.error} />}
      {webhookUrl && <WebhookAddressNotice url={webhookUrl} onDone={() => setWebhookUrl(null)} />}
      {editor &&
        (connections.data.length === 0 ? (
          <EmptyTable>
            No Jira connection yet: an admin adds one in {settings}, then this team can sync.
          </EmptyTable>
        ) : (
          <SourceForm
            // A saved source starts a fresh form from what the server kept.
            key={current?.updatedAt ?? 'new'}
            workspace={workspace}
            team={team}
            source={current}
            connections={connections.data}
            onSaved={(saved) => {
              if (saved.webhookUrl) setWebhookUrl(saved.webhookUrl);
            }}
          />
        ))}
      {!editor && !current && <EmptyTable>{team.name} does not sync from Jira.</EmptyTable>}
      {current && (
        <>
          <WebhookSection
            workspace={workspace}
            teamId={team.id}
            editor={editor}
            onRotated={setWebhookUrl}
          />
          <SyncHistory workspace={workspace} teamId={team.id} />
        </>
      )}
    </Stack>
  );
}
