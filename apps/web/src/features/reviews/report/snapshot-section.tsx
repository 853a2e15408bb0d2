import type { UnavailableSection } from '@bearing/contracts';
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Section<Data> = ({ status: 'available' } & Data) | UnavailableSection;

export interface SnapshotSectionProps<Data> {
  title: string;
  section: Section<Data>;
  children: (data: Data) => ReactNode;
}

/** One section of a report's snapshot, or why it has no numbers (never made-up ones). */
export function SnapshotSection<Data>({ title, section, children }: SnapshotSectionProps<Data>) {
  return (
    <Stack gap={6} component="section">
      <Title order={3} size="h5">
        {title}
      </Title>
      {section.status === 'unavailable' ? (
        <Text size="sm" c="dimmed">
          Unavailable: {section.reason}
        </Text>
      ) : (
        children(section)
      )}
    </Stack>
  );
}

/** "None." for an empty part of a section. */
export function NoneText({ children = 'None.' }: { children?: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}
