import { List, Text } from '@mantine/core';
import { describeBucket } from '../../charts/time-axis';
import {
  signalRows,
  type XmrChartData,
  type XmrRow,
  XMR_RULE_LABELS,
} from '../../charts/xmr-chart-data';
import { formatShortDay, formatValue } from '../../components/format';
import { ShapeIcon } from '../../components/shape-icon';

/** The signals in the range shown, latest first, in words; a shift says where new limits begin. */
export function SignalList({ data }: { data: XmrChartData }) {
  const rows = signalRows(data);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No signals in this range: every value is within routine variation.
      </Text>
    );
  }
  return (
    <>
      <List
        spacing={4}
        size="sm"
        icon={<ShapeIcon shape="diamond" size={10} color="var(--mantine-color-orange-7)" />}
        aria-label="Signals, latest first"
      >
        {rows.slice(0, 12).map((row) => (
          <List.Item key={row.timestamp}>
            <Text span fw={600} size="sm">
              {describeBucket(data.bucket, row.timestamp)}
            </Text>{' '}
            — {formatValue(row.value, data.unit)}:{' '}
            {[
              ...row.valueSignals.map((rule) => XMR_RULE_LABELS[rule]),
              ...(row.rangeSignal ? [XMR_RULE_LABELS['range-beyond-limit']] : []),
            ].join('; ')}
            {shiftNote(data, row)}
          </List.Item>
        ))}
      </List>
      {/* After the list, not in it: a list holds only its items. */}
      {rows.length > 12 && (
        <Text size="xs" c="dimmed" mt={4}>
          and {rows.length - 12} earlier; the table view lists them all.
        </Text>
      )}
    </>
  );
}

/** For the value where a shift became evident: " — a shift up: new limits from Mar 3". */
function shiftNote(data: XmrChartData, row: XmrRow): string {
  const shift = data.segments.find(
    ({ shiftInView }) => shiftInView && Date.parse(shiftInView.detectedAt) === row.time,
  )?.shiftInView;
  return shift
    ? ` — a shift ${shift.direction}: new limits from ${formatShortDay(shift.startedAt)}`
    : '';
}
