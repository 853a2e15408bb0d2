import { Table } from '@mantine/core';
import { formatDay } from '../../components/format';
import type { CumulativeFlowChartData } from './cumulative-flow-data';

/** Items that had reached each stage, day by day, latest first. */
export function CumulativeFlowTable({ data }: { data: CumulativeFlowChartData }) {
  return (
    <Table.ScrollContainer minWidth={160 + data.stages.length * 100} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>Items that had reached each stage or a later one.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            {data.stages.map((stage) => (
              <Table.Th key={stage} ta="right">
                {stage}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...data.rows].reverse().map((row) => (
            <Table.Tr key={row.day}>
              <Table.Td>{formatDay(row.day)}</Table.Td>
              {data.stages.map((stage) => (
                <Table.Td key={stage} ta="right">
                  {row.counts[stage] ?? 0}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
