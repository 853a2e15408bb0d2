import { Table } from '@mantine/core';
import { formatDays } from '../figures';
import type { AgingWipChartData } from './aging-wip-data';
import type { PercentileLine } from './percentile-lines';

/** Items in progress with their stage and age, oldest first. */
export function AgingWipTable({
  data,
  lines,
}: {
  data: AgingWipChartData;
  lines: PercentileLine[];
}) {
  const points = [...data.points].sort((a, b) => b.ageDays - a.ageDays);
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={400}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          {points.length} items in progress. Cycle-time{' '}
          {lines.map((line) => `${line.label}: ${formatDays(line.days)}`).join(', ') ||
            'percentiles: none yet'}
          .
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th ta="right">Age (days)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((point) => (
            <Table.Tr key={point.key}>
              <Table.Td>{point.key}</Table.Td>
              <Table.Td>{point.title}</Table.Td>
              <Table.Td>{point.stage}</Table.Td>
              <Table.Td ta="right">{point.ageDays}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
