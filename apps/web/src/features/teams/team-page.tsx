import type { Team } from '@bearing/contracts';
import { Anchor, Code, Stack, Tabs, Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useTeam } from '../../api/teams';
import { workspacePath } from '../../app/layout/navigation-items';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { FollowButton } from '../notifications/follow/follow-button';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { TeamDashboard } from './dashboard/team-dashboard';
import { TEAM_TABS, type TeamTab, teamTabOf } from './team-tabs';

// The delivery dashboard is what the page opens on; each other tab's code loads when it is
// first opened (or landed on), so the page's first paint carries none of their forms and tables.
const WorkItemsTab = lazy(async () => ({
  default: (await import('./work-items/work-items-tab')).WorkItemsTab,
}));
const SprintsTab = lazy(async () => ({
  default: (await import('./sprints/sprints-tab')).SprintsTab,
}));
const ImportTab = lazy(async () => ({ default: (await import('./import/import-tab')).ImportTab }));
const SourceTab = lazy(async () => ({
  default: (await import('../jira/source/source-tab')).SourceTab,
}));
// Whether the team syncs from Jira, and how fresh that is: loaded after the page's first paint.
const TeamSyncStatus = lazy(async () => ({
  default: (await import('../jira/status/team-sync-status')).TeamSyncStatus,
}));
const TeamSettingsTab = lazy(async () => ({
  default: (await import('./settings/team-settings-tab')).TeamSettingsTab,
}));

/** A tab's content, with a placeholder while its code loads. */
function LazyTab({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<LoadingRows label="Loading the tab" rows={2} height={160} />}>
      {children}
    </Suspense>
  );
}

/** `/w/:workspace/teams/:id?tab=`: one team (by id or slug) — delivery, work items, sprints, import, Jira source, settings. */
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
        actions={
          <FollowButton
            workspace={workspace}
            subject={{ type: 'team', id: team.id }}
            name={team.name}
          />
        }
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
      <Suspense fallback={null}>
        <TeamSyncStatus workspace={workspace} teamId={team.id} />
      </Suspense>
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
          <LazyTab>
            <WorkItemsTab workspace={workspace} team={team} />
          </LazyTab>
        </Tabs.Panel>
        <Tabs.Panel value="sprints" pt="lg">
          <LazyTab>
            <SprintsTab workspace={workspace} team={team} editor={editor} />
          </LazyTab>
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="lg">
          <LazyTab>
            <ImportTab workspace={workspace} team={team} editor={editor} />
          </LazyTab>
        </Tabs.Panel>
        <Tabs.Panel value="source" pt="lg">
          <LazyTab>
            <SourceTab workspace={workspace} team={team} editor={editor} />
          </LazyTab>
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <LazyTab>
            <TeamSettingsTab workspace={workspace} team={team} editor={editor} />
          </LazyTab>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
