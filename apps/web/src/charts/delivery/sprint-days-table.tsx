import { Table } from '@mantine/core';
import { formatDay } from '../../components/format';
import { formatPoints } from '../figures';
import type { SprintDayRow } from './sprint-chart-data';
import { type SprintUnit, scopeChangeLines, unitLabel } from './sprint-unit';

/** The burndown and burnup numbers day by day: the accessible fallback of both charts. */
export function SprintDaysTable({
  rows,
  unit,
  sprintName,
}: {
  rows: SprintDayRow[];
  unit: SprintUnit;
  sprintName: string;
}) {
  const label = unitLabel(unit);
  return (
    <Table.ScrollContainer minWidth={560} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          {sprintName}, day by day, in {label}.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th ta="right">Remaining</Table.Th>
            <Table.Th ta="right">Guideline</Table.Th>
            <Table.Th ta="right">Done so far</Table.Th>
            <Table.Th ta="right">Scope</Table.Th>
            <Table.Th>Scope change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.day}>
              <Table.Td>{formatDay(row.day)}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.remaining)}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.ideal)}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.doneSoFar)}</Table.Td>
              <Table.Td ta="right">{formatPoints(row.scope)}</Table.Td>
              <Table.Td>{scopeChangeLines(row, label).join('; ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
