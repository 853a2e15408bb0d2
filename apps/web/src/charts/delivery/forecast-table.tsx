import { Table } from '@mantine/core';
import { formatDay } from '../../components/format';
import { formatPercent } from '../figures';
import type { ForecastBar } from './forecast-chart-data';

/** The "when" distribution as rows: each finish day and the share of trials that ended on it. */
export function ForecastTable({ bars }: { bars: ForecastBar[] }) {
  return (
    <Table.ScrollContainer minWidth={420} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Finish day</Table.Th>
            <Table.Th ta="right">Days from today</Table.Th>
            <Table.Th ta="right">Share of trials</Table.Th>
            <Table.Th>Percentile</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((bar) => (
            <Table.Tr key={bar.days}>
              <Table.Td>{formatDay(bar.day)}</Table.Td>
              <Table.Td ta="right">{bar.days}</Table.Td>
              <Table.Td ta="right">{formatPercent(bar.probability)}</Table.Td>
              <Table.Td>{bar.marks.join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
