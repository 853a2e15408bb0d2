import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { workspacePath } from '../../app/layout/navigation-items';
import { useDocumentTitle } from '../../components/use-document-title';

/** `/w/<slug>` for a workspace that does not exist or that the user is not a member of. */
export function WorkspaceNotFound({ slug }: { slug: string }) {
  useDocumentTitle('Workspace not found');
  const { workspaces } = useSignedIn();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Workspace not found</Title>
      <Text>
        There is no workspace <code>{slug}</code> that you are a member of. If you should have
        access, ask one of its admins to add you.
      </Text>
      {workspaces.length > 0 ? (
        <Stack gap="xs">
          <Text fw={500}>Your workspaces</Text>
          <List spacing={4}>
            {workspaces.map((workspace) => (
              <List.Item key={workspace.id}>
                <Anchor component={Link} to={workspacePath(workspace.slug, '')}>
                  {workspace.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Anchor component={Link} to="/welcome">
          Create your first workspace
        </Anchor>
      )}
    </Stack>
  );
}
