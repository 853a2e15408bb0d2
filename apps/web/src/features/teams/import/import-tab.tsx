import type { Team } from '@bearing/contracts';
import { Stack, Text } from '@mantine/core';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';

export interface ImportTabProps {
  workspace: string;
  team: Team;
  editor: boolean;
}

/** The Jira import wizard (editors) above the team's import history (everyone). */
export function ImportTab({ workspace, team, editor }: ImportTabProps) {
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" maw={720}>
          Bring the team&apos;s history in from Jira. Importing the same file again changes nothing;
          assignee and reporter names are never stored.
        </Text>
        {!editor && (
          <Text size="sm">Editors and admins can import; you can see the history below.</Text>
        )}
      </Stack>
      {editor && <ImportWizard workspace={workspace} team={team} />}
      <ImportHistory workspace={workspace} teamId={team.id} />
    </Stack>
  );
}
