import type { Guardrail } from '@bearing/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatShortDay, formatValue } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { describeThreshold } from '../metrics/guardrails/guardrail-labels';
import { GUARDRAIL_STATUS_STYLES } from '../metrics/metric-labels';

/** Guardrails breached or in warning: the value against the limit, and the rule in words. */
export function OutOfBoundsGuardrails({
  workspace,
  guardrails,
}: {
  workspace: string;
  guardrails: readonly Guardrail[];
}) {
  if (guardrails.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Every guardrail is within its limit.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="Guardrails out of bounds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Latest</Table.Th>
            <Table.Th>Limit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guardrails.map((guardrail) => (
            <Table.Tr key={guardrail.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={workspacePath(workspace, `metrics/${guardrail.metric.key}`)}
                  size="sm"
                >
                  {guardrail.metric.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {describeThreshold(guardrail)}
                </Text>
              </Table.Td>
              <Table.Td>
                {guardrail.status && (
                  <StatusBadge
                    status={GUARDRAIL_STATUS_STYLES[guardrail.status]}
                    prefix="Guardrail:"
                  />
                )}
              </Table.Td>
              <Table.Td>
                {guardrail.evaluation
                  ? `${formatValue(guardrail.evaluation.value, guardrail.metric.unit)} on ${formatShortDay(guardrail.evaluation.timestamp)}`
                  : '—'}
              </Table.Td>
              <Table.Td>
                {guardrail.evaluation
                  ? formatValue(guardrail.evaluation.limit, guardrail.metric.unit)
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
