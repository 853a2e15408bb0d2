import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Shape, ShapeIcon } from './shape-icon';

export interface EmptyPanelProps {
  title: string;
  description: ReactNode;
  /** What makes something appear — for those allowed to do it. */
  action?: ReactNode;
  shape?: Shape;
}

/** Nothing to show yet, said plainly, with the way to change that. */
export function EmptyPanel({ title, description, action, shape = 'ring' }: EmptyPanelProps) {
  return (
    <Paper withBorder radius="md" p="xl" bg="var(--mantine-color-gray-0)">
      <EmptyState
        title={title}
        description={description}
        icon={<ShapeIcon shape={shape} size={22} color="var(--mantine-color-indigo-4)" />}
        withIndicatorBackground
      >
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
