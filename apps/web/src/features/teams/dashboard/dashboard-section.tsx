import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** One of the dashboard's parts (Sprint, Flow, Planning): a heading, a line, its charts. */
export function DashboardSection({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description: string;
  /** Filters that apply to the whole section. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Stack gap="md" component="section" aria-labelledby={titleId}>
      <Stack gap={2}>
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {actions}
      {children}
    </Stack>
  );
}
