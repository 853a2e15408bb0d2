import { Button, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useTeams } from '../../api/teams';
import { workspacePath } from '../../app/layout/navigation-items';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { TeamForm } from './team-form';
import { TeamsTable } from './teams-table';

/** `/w/:workspace/teams`: every team, and for editors a way to add one. */
export function TeamsPage() {
  useDocumentTitle('Teams');
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const navigate = useNavigate();
  const teams = useTeams(workspace.slug);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  return (
    <Stack gap="xl">
      <PageHeader
        title="Teams"
        description="Each team's delivery: sprints, flow, capacity and forecasts, from its own tracker history. Teams are never ranked against each other on points."
        actions={editor && <Button onClick={openCreate}>New team</Button>}
      />
      {teams.isPending ? (
        <LoadingRows label="Loading teams" rows={3} height={52} />
      ) : teams.isError ? (
        <ErrorAlert
          title="Teams could not be loaded"
          error={teams.error}
          onRetry={() => void teams.refetch()}
        />
      ) : teams.data.length === 0 ? (
        <EmptyPanel
          title="No teams yet"
          description={
            editor
              ? 'A team has members (as capacity), a working calendar and a workflow; its history arrives from a Jira import.'
              : 'Once an editor creates a team and imports its history, it shows here.'
          }
          action={editor && <Button onClick={openCreate}>Create a team</Button>}
        />
      ) : (
        <TeamsTable workspace={workspace.slug} teams={teams.data} />
      )}
      {editor && (
        <Modal opened={creating} onClose={closeCreate} title="New team" centered>
          {creating && (
            <TeamForm
              workspace={workspace.slug}
              onCreated={(team) => {
                closeCreate();
                void navigate(workspacePath(workspace.slug, `teams/${team.slug}?tab=settings`));
              }}
              onCancel={closeCreate}
            />
          )}
        </Modal>
      )}
    </Stack>
  );
}
