import { Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { workspacePath } from '../../app/layout/navigation-items';
import { useDocumentTitle } from '../../components/use-document-title';
import { CreateWorkspaceForm } from './create-workspace-form';

/** `/welcome`: for a user who belongs to no workspace yet. */
export function FirstWorkspacePage() {
  useDocumentTitle('Create your first workspace');
  const navigate = useNavigate();
  const { user, workspaces, canCreateWorkspaces } = useSignedIn();
  const [first] = workspaces;
  if (first) return <Navigate to={workspacePath(first.slug, '')} replace />;
  if (!canCreateWorkspaces) {
    // Invitations show above this page (the app layout's banner): accepting one leads there.
    return (
      <Stack gap="xs" maw={560}>
        <Title order={1}>No workspace yet</Title>
        <Text c="dimmed">
          Welcome, {user.displayName}. You are not a member of any workspace yet. On this instance
          workspaces are created by its administrators: ask the admin of the workspace you expected
          to invite you, then accept the invitation here.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={560}>
      <Stack gap="xs">
        <Title order={1}>Create your first workspace</Title>
        <Text c="dimmed">
          Welcome, {user.displayName}. You are not a member of any workspace yet. A workspace holds
          one organisation&apos;s programs, OKRs, metrics and teams; you become its admin and can
          invite others. If you expected to join an existing one, ask its admin to add you.
        </Text>
      </Stack>
      <Paper withBorder p="lg" radius="md">
        <CreateWorkspaceForm
          onCreated={(workspace) => void navigate(workspacePath(workspace.slug, ''))}
        />
      </Paper>
    </Stack>
  );
}
