import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionHeaderProps {
  title: string;
  description: ReactNode;
  /** A button or two on the right, e.g. "Add member" — only for those allowed to use them. */
  actions?: ReactNode;
}

/** The heading of a settings section, with what it is for and its actions. */
export function SectionHeader({ title, description, actions }: SectionHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
      <Stack gap={4} maw={720}>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {actions}
    </Group>
  );
}
