import { Table } from '@mantine/core';
import { formatDay } from '../../components/format';
import { formatDays } from '../figures';
import type { CycleTimePoint } from './cycle-time-data';
import type { PercentileLine } from './percentile-lines';

/** Finished items with their cycle time, latest first, and the percentiles in the caption. */
export function CycleTimeTable({
  points,
  lines,
}: {
  points: CycleTimePoint[];
  lines: PercentileLine[];
}) {
  return (
    <Table.ScrollContainer minWidth={400} maxHeight={400}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          {points.length} items.{' '}
          {lines.map((line) => `${line.label}: ${formatDays(line.days)}`).join(', ')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Done</Table.Th>
            <Table.Th ta="right">Cycle time (days)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...points].reverse().map((point) => (
            <Table.Tr key={point.key}>
              <Table.Td>{point.key}</Table.Td>
              <Table.Td>{formatDay(point.doneDay)}</Table.Td>
              <Table.Td ta="right">{point.cycleTime}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
