import { Text } from '@mantine/core';
import { useObjective } from '../../api/okrs';

/** "Aligned to: Grow the podcast business" for a parent outside the objectives shown. */
export function AlignedTo({ workspace, objectiveId }: { workspace: string; objectiveId: string }) {
  const parent = useObjective(workspace, objectiveId);
  return (
    <Text size="xs" c="dimmed">
      ↳ Aligned to{' '}
      {parent.data ? <strong>{parent.data.title}</strong> : 'an objective not shown here'}
    </Text>
  );
}
