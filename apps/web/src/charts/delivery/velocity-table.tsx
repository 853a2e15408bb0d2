import { Table } from '@mantine/core';
import { formatPercent, formatPoints } from '../figures';
import { unitLabel } from './sprint-unit';
import type { VelocityChartData } from './velocity-chart-data';

/** The velocity chart's numbers, oldest sprint first. */
export function VelocityTable({ data }: { data: VelocityChartData }) {
  const label = unitLabel(data.unit);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing={6}>
        <Table.Caption>
          Average completed: {formatPoints(data.average)} {label} per sprint.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Sprint</Table.Th>
            <Table.Th ta="right">Committed</Table.Th>
            <Table.Th ta="right">Completed</Table.Th>
            <Table.Th ta="right">Say/do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row) => (
            <Table.Tr key={row.sprintId}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.committed)}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.completed)}</Table.Td>
              <Table.Td ta="right">{formatPercent(row.sayDoRatio)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
