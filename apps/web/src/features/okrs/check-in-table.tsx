import type { CheckIn, KeyResult } from '@bearing/contracts';
import { Table } from '@mantine/core';
import { formatDay, formatValue } from '../../components/format';
import { CONFIDENCE_STYLES } from './okr-labels';

/** The check-ins chart's numbers as a table, latest first. */
export function CheckInTable({
  keyResult,
  checkIns,
}: {
  keyResult: KeyResult;
  checkIns: readonly CheckIn[];
}) {
  return (
    <Table.ScrollContainer minWidth={420} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          Check-ins of {keyResult.title}; target {formatValue(keyResult.target, keyResult.unit)}
          {keyResult.baseline !== null &&
            `, baseline ${formatValue(keyResult.baseline, keyResult.unit)}`}
          .
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th>Confidence</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checkIns.map((checkIn) => (
            <Table.Tr key={checkIn.id}>
              <Table.Td>{formatDay(checkIn.date)}</Table.Td>
              <Table.Td ta="right">{formatValue(checkIn.value, keyResult.unit)}</Table.Td>
              <Table.Td>{CONFIDENCE_STYLES[checkIn.confidence].label}</Table.Td>
              <Table.Td>{checkIn.author.displayName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
