import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Above the title: breadcrumbs or a kicker. */
  above?: ReactNode;
  /** Buttons on the right — only those the reader may use. */
  actions?: ReactNode;
}

/** A page's heading (the one `h1`), what the page is for, and its main actions. */
export function PageHeader({ title, description, above, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
      <Stack gap={4} maw={680} miw={0} style={{ flex: '1 1 420px' }}>
        {above}
        <Title order={1}>{title}</Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions && (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
