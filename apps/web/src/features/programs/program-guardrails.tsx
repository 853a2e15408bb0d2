import type { Program } from '@bearing/contracts';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useGuardrails } from '../../api/guardrails';
import { workspacePath } from '../../app/layout/navigation-items';
import { StatusBadge } from '../../components/status-badge';
import { GUARDRAIL_STATUS_STYLES, NO_DATA } from '../metrics/metric-labels';

/** The guardrails the program answers for, with their status now. */
export function ProgramGuardrails({ workspace, program }: { workspace: string; program: Program }) {
  const linked = program.guardrailIds.length > 0;
  const guardrails = useGuardrails(workspace);
  if (!linked) return null;
  const shown = (guardrails.data ?? []).filter((guardrail) =>
    program.guardrailIds.includes(guardrail.id),
  );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="program-guardrails">
      <Stack gap="xs">
        <Title order={2} size="h4" id="program-guardrails">
          Guardrails
        </Title>
        {shown.map((guardrail) => (
          <Group key={guardrail.id} gap="sm">
            <StatusBadge
              status={guardrail.status ? GUARDRAIL_STATUS_STYLES[guardrail.status] : NO_DATA}
              prefix="Guardrail:"
            />
            <Anchor
              component={Link}
              to={workspacePath(workspace, `metrics/${guardrail.metricKey}`)}
            >
              {guardrail.metric.name}
            </Anchor>
          </Group>
        ))}
        {guardrails.isSuccess && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            The linked guardrails could not be found.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
