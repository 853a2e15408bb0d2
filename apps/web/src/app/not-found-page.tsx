import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { useDocumentTitle } from '../components/use-document-title';
import { workspacePath } from './layout/navigation-items';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  const { pathname } = useLocation();
  const { workspace } = useParams();
  return (
    <Stack gap="md">
      <Title order={1}>Page not found</Title>
      <Text>
        There is no page at <code>{pathname}</code>.
      </Text>
      <Anchor component={Link} to={workspace ? workspacePath(workspace, '') : '/'}>
        {workspace ? 'Go to the portfolio' : 'Go to the start page'}
      </Anchor>
    </Stack>
  );
}
