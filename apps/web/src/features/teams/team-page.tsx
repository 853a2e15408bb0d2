import type { Team } from '@bearing/contracts';
import { Anchor, Code, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useTeam } from '../../api/teams';
import { workspacePath } from '../../app/layout/navigation-items';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { TeamDashboard } from './dashboard/team-dashboard';
import { ImportTab } from './import/import-tab';
import { TeamSettingsTab } from './settings/team-settings-tab';
import { SprintsTab } from './sprints/sprints-tab';
import { TEAM_TABS, type TeamTab, teamTabOf } from './team-tabs';
import { WorkItemsTab } from './work-items/work-items-tab';

/** `/w/:workspace/teams/:id?tab=`: one team (by id or slug) — delivery, work items, sprints, import, settings. */
export function TeamPage() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  const team = useTeam(workspace.slug, id);
  useDocumentTitle(team.data ? `${team.data.name} · Teams` : 'Team');
  const back = (
    <Anchor component={Link} to={workspacePath(workspace.slug, 'teams')} size="sm">
      Teams
    </Anchor>
  );

  if (team.isPending) {
    return (
      <Stack gap="lg">
        <PageHeader title="Team" above={back} />
        <LoadingRows label="Loading the team" rows={2} height={160} />
      </Stack>
    );
  }
  if (team.isError) {
    const missing = team.error instanceof ApiError && team.error.status === 404;
    return (
      <Stack gap="lg">
        <PageHeader title="Team" above={back} />
        {missing ? (
          <Text>
            {workspace.name} has no team <Code>{id}</Code>.
          </Text>
        ) : (
          <ErrorAlert
            title="The team could not be loaded"
            error={team.error}
            onRetry={() => void team.refetch()}
          />
        )}
      </Stack>
    );
  }
  return <TeamView workspace={workspace.slug} editor={canEdit(workspace.role)} team={team.data} />;
}

interface TeamViewProps {
  workspace: string;
  editor: boolean;
  team: Team;
}

function TeamView({ workspace, editor, team }: TeamViewProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const active = teamTabOf(searchParams.get('tab'));
  // Switching tabs drops the other tabs' parameters (filters, the open work item).
  const selectTab = (tab: TeamTab) => setSearchParams(tab === 'delivery' ? {} : { tab });

  return (
    <Stack gap="lg">
      <PageHeader
        title={team.name}
        above={
          <Anchor component={Link} to={workspacePath(workspace, 'teams')} size="sm">
            Teams
          </Anchor>
        }
        description={
          <>
            <Code>{team.slug}</Code> · {team.timeZone} ·{' '}
            {team.workflow.stages.map((stage) => stage.name).join(' → ')}
          </>
        }
      />
      <Tabs value={active} onChange={(value) => selectTab(teamTabOf(value))} keepMounted={false}>
        <Tabs.List>
          {TEAM_TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="delivery" pt="lg">
          <TeamDashboard workspace={workspace} team={team} />
        </Tabs.Panel>
        <Tabs.Panel value="work-items" pt="lg">
          <WorkItemsTab workspace={workspace} team={team} />
        </Tabs.Panel>
        <Tabs.Panel value="sprints" pt="lg">
          <SprintsTab workspace={workspace} team={team} editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="lg">
          <ImportTab workspace={workspace} team={team} editor={editor} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <TeamSettingsTab workspace={workspace} team={team} editor={editor} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
