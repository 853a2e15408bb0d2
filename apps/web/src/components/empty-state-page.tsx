import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title';

export interface EmptyStatePageProps {
  /** The page's heading and document title. */
  title: string;
  /** What the page will show. */
  purpose: ReactNode;
  /** Who the page is for. */
  audience: string;
}

/**
 * A page whose data is not wired yet: it says plainly what it will show and for whom,
 * instead of showing made-up numbers.
 */
export function EmptyStatePage({ title, purpose, audience }: EmptyStatePageProps) {
  useDocumentTitle(title);
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text size="lg">
        {purpose}{' '}
        <Text span c="dimmed">
          For {audience}.
        </Text>
      </Text>
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed">Nothing to show yet: this view is not connected to data.</Text>
      </Paper>
    </Stack>
  );
}
