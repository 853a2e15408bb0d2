import type { Guardrail } from '@bearing/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatShortDay, formatValue } from '../../components/format';
import { FactCards } from '../../components/fact-cards';
import { StatusBadge } from '../../components/status-badge';
import { useSmallScreen } from '../../components/use-small-screen';
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
  const small = useSmallScreen();
  if (guardrails.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Every guardrail is within its limit.
      </Text>
    );
  }
  const metricLink = (guardrail: Guardrail) => (
    <Anchor
      component={Link}
      to={workspacePath(workspace, `metrics/${guardrail.metric.key}`)}
      size="sm"
      fw={600}
    >
      {guardrail.metric.name}
    </Anchor>
  );
  const latest = (guardrail: Guardrail) =>
    guardrail.evaluation
      ? `${formatValue(guardrail.evaluation.value, guardrail.metric.unit)} on ${formatShortDay(guardrail.evaluation.timestamp)}`
      : '—';
  const limit = (guardrail: Guardrail) =>
    guardrail.evaluation ? formatValue(guardrail.evaluation.limit, guardrail.metric.unit) : '—';
  const status = (guardrail: Guardrail) =>
    guardrail.status && (
      <StatusBadge status={GUARDRAIL_STATUS_STYLES[guardrail.status]} prefix="Guardrail:" />
    );
  if (small) {
    return (
      <FactCards
        label="Guardrails out of bounds"
        cards={guardrails.map((guardrail) => ({
          key: guardrail.id,
          title: metricLink(guardrail),
          status: status(guardrail),
          facts: [
            { label: 'Rule', value: describeThreshold(guardrail) },
            { label: 'Latest', value: latest(guardrail) },
            { label: 'Limit', value: limit(guardrail) },
          ],
        }))}
      />
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
                {metricLink(guardrail)}
                <Text size="xs" c="dimmed">
                  {describeThreshold(guardrail)}
                </Text>
              </Table.Td>
              <Table.Td>{status(guardrail)}</Table.Td>
              <Table.Td>{latest(guardrail)}</Table.Td>
              <Table.Td>{limit(guardrail)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
