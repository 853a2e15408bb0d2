import type { MetricListItem } from '@bearing/contracts';
import { Anchor, Badge, Code, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { DateTime } from '../../components/date-time';
import { formatValue } from '../../components/format';
import { CATEGORY_LABELS, DIRECTION_LABELS } from './metric-labels';
import { MetricTrend } from './metric-trend';

/** The workspace's metrics: each with its trend, latest value and XmR status. */
export function MetricsTable({
  workspace,
  metrics,
}: {
  workspace: string;
  metrics: readonly MetricListItem[];
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Trend and signal</Table.Th>
            <Table.Th ta="right">Latest value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((metric) => (
            <Table.Tr key={metric.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor
                    component={Link}
                    to={workspacePath(workspace, `metrics/${metric.key}`)}
                    fw={500}
                    size="sm"
                  >
                    {metric.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <Code fz="xs">{metric.key}</Code> · {DIRECTION_LABELS[metric.direction]}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="default" tt="none" fw={500}>
                  {CATEGORY_LABELS[metric.category]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <MetricTrend metric={metric} />
              </Table.Td>
              <Table.Td ta="right">
                {metric.latest ? (
                  <Stack gap={0} align="flex-end">
                    <Text fw={600}>{formatValue(metric.latest.value, metric.unit)}</Text>
                    <Text size="xs" c="dimmed">
                      <DateTime value={metric.latest.timestamp} dateOnly />
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
