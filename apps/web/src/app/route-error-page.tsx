import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../components/use-document-title';

/** Shown when rendering a route throws: the app shell itself may be what failed. */
export function RouteErrorPage() {
  useDocumentTitle('Something went wrong');
  return (
    <Container component="main" py="xl">
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Text>
          This page failed to load. Reloading usually helps; if it does not, tell an admin.
        </Text>
        <Anchor href="/">Back to the start</Anchor>
      </Stack>
    </Container>
  );
}
