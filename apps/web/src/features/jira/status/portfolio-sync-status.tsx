import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTeamSyncStatuses } from '../../../api/jira';
import { workspacePath } from '../../../app/layout/navigation-items';
import { SyncStatus } from './sync-status';

export interface PortfolioSyncStatusProps {
  workspace: string;
}

/**
 * On the portfolio: how fresh each synced team's Jira data is, failing teams first with why —
 * so an executive knows which numbers to trust. Nothing when no team syncs from Jira.
 */
export function PortfolioSyncStatus({ workspace }: PortfolioSyncStatusProps) {
  const statuses = useTeamSyncStatuses(workspace);
  const items = statuses.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-label="Data from Jira">
      <Title order={2} size="h3">
        Data from Jira
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          {items.map((item) => (
            <Group key={item.teamId} gap="md" wrap="wrap">
              <Anchor
                component={Link}
                to={`${workspacePath(workspace, `teams/${item.teamSlug}`)}?tab=source`}
                fw={500}
                miw={160}
              >
                {item.teamName}
              </Anchor>
              <SyncStatus source={item} size="xs" />
            </Group>
          ))}
        </Stack>
      </Paper>
      {statuses.isError && (
        <Text size="sm" c="dimmed">
          The teams&apos; sync status could not be loaded.
        </Text>
      )}
    </Stack>
  );
}
