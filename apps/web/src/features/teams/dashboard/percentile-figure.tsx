import { Paper, Text } from '@mantine/core';

const CONFIDENCE = { p50: '50 % likely', p85: '85 % likely', p95: '95 % likely' } as const;

/** One forecast percentile: its name, how likely it is, and its value. */
export function PercentileFigure({
  label,
  value,
  note,
}: {
  label: 'p50' | 'p85' | 'p95';
  value: string;
  note: string;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-percentile={label}>
      <Text size="xs" c="dimmed" fw={600}>
        {label} · {CONFIDENCE[label]}
      </Text>
      <Text size="lg" fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
