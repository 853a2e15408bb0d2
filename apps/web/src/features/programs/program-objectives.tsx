import type { Program } from '@bearing/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useKeyResults, useObjectives } from '../../api/okrs';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { ObjectiveCard } from '../okrs/objective-card';

/** The program's objectives with their key results, progress and pace, as on the OKRs page. */
export function ProgramObjectives({ workspace, program }: { workspace: string; program: Program }) {
  const linked = program.objectiveIds.length > 0;
  const objectives = useObjectives(workspace, {}, linked);
  const keyResults = useKeyResults(workspace, {}, linked);
  const shown = (objectives.data ?? []).filter((objective) =>
    program.objectiveIds.includes(objective.id),
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="program-objectives-title">
      <Title order={2} size="h4" id="program-objectives-title">
        Objectives and key results
      </Title>
      {!linked ? (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" c="dimmed">
            No objectives linked. Edit the program to link the objectives it answers for.
          </Text>
        </Paper>
      ) : objectives.isPending ? (
        <LoadingRows label="Loading objectives" rows={1} height={140} />
      ) : objectives.isError ? (
        <ErrorAlert
          title="Objectives could not be loaded"
          error={objectives.error}
          onRetry={() => void objectives.refetch()}
        />
      ) : (
        shown.map((objective) => (
          <ObjectiveCard
            key={objective.id}
            workspace={workspace}
            objective={objective}
            keyResults={(keyResults.data ?? []).filter(
              (keyResult) => keyResult.objectiveId === objective.id,
            )}
            outsideParentId={null}
          />
        ))
      )}
    </Stack>
  );
}
