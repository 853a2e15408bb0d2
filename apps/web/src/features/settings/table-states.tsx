import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** While a table's first page loads: a few grey bars where the rows will be. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="xs" role="progressbar" aria-busy="true" aria-label={label}>
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

/** A list with nothing in it, said plainly, with what would make something appear. */
export function EmptyTable({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
      <Text size="sm" c="dimmed" ta="center">
        {children}
      </Text>
    </Paper>
  );
}
