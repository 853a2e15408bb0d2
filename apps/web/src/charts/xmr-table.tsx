import { Table, Text } from '@mantine/core';
import { formatValue } from '../components/format';
import { describeBucket } from './time-axis';
import { type XmrChartData, type XmrChartSegment, XMR_RULE_LABELS } from './xmr-chart-data';
import { limitsWindowWords } from './xmr-words';

/** The X and mR charts' numbers as a table, newest first: the accessible fallback. */
export function XmrTable({ data, label }: { data: XmrChartData; label: string }) {
  const rows = [...data.rows].reverse();
  return (
    <Table.ScrollContainer minWidth={600} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Caption>
          {label}: {data.segments.map((segment) => segmentWords(segment, data.unit)).join('; ')}
          {data.guardrailLimit !== null &&
            `; guardrail limit ${formatValue(data.guardrailLimit, data.unit)}`}
          .
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th ta="right">Limits</Table.Th>
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
            const segment = data.segments[row.segment];
            return (
              <Table.Tr key={row.timestamp}>
                <Table.Td>{describeBucket(data.bucket, row.timestamp)}</Table.Td>
                <Table.Td ta="right">{formatValue(row.value, data.unit)}</Table.Td>
                <Table.Td ta="right">
                  {segment &&
                    `${segment.lowerLimit === null ? '—' : formatValue(segment.lowerLimit, data.unit)} – ${formatValue(segment.upperLimit, data.unit)}`}
                </Table.Td>
                <Table.Td ta="right">{formatValue(row.movingRange, data.unit)}</Table.Td>
                <Table.Td>
                  {rules.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Text size="sm" fw={600} c="orange">
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

/** "Limits from the 20 values from Mar 3 to Mar 22: mean 200 ms, limits 180 ms to 220 ms, …". */
function segmentWords(segment: XmrChartSegment, unit: string): string {
  return `${limitsWindowWords(segment.window, segment.shiftInView)}: mean ${formatValue(segment.mean, unit)}, limits ${
    segment.lowerLimit === null ? 'none below' : formatValue(segment.lowerLimit, unit)
  } to ${formatValue(segment.upperLimit, unit)}, upper range limit ${formatValue(segment.upperRangeLimit, unit)}`;
}
