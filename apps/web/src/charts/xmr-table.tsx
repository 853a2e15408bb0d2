import { Table, Text } from '@mantine/core';
import { formatValue } from '../components/format';
import { describeBucket } from './time-axis';
import { type XmrChartData, XMR_RULE_LABELS } from './xmr-chart-data';

/** The X and mR charts' numbers as a table, newest first: the accessible fallback. */
export function XmrTable({ data, label }: { data: XmrChartData; label: string }) {
  const rows = [...data.rows].reverse();
  return (
    <Table.ScrollContainer minWidth={520} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          {label}: mean {formatValue(data.mean, data.unit)}, limits{' '}
          {data.lowerLimit === null ? 'none below' : formatValue(data.lowerLimit, data.unit)} to{' '}
          {formatValue(data.upperLimit, data.unit)}, upper range limit{' '}
          {formatValue(data.upperRangeLimit, data.unit)}
          {data.guardrailLimit !== null &&
            `, guardrail limit ${formatValue(data.guardrailLimit, data.unit)}`}
          .
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th ta="right">Moving range</Table.Th>
            <Table.Th>Signals</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const rules = [
              ...row.valueSignals.map((rule) => XMR_RULE_LABELS[rule]),
              ...(row.rangeSignal ? [XMR_RULE_LABELS['range-beyond-limit']] : []),
            ];
            return (
              <Table.Tr key={row.timestamp}>
                <Table.Td>{describeBucket(data.bucket, row.timestamp)}</Table.Td>
                <Table.Td ta="right">{formatValue(row.value, data.unit)}</Table.Td>
                <Table.Td ta="right">{formatValue(row.movingRange, data.unit)}</Table.Td>
                <Table.Td>
                  {rules.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Text size="sm" fw={600} c="orange.9">
                      ◆ {rules.join('; ')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
