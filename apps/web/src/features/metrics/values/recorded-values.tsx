import type { Metric, SeriesResponse } from '@bearing/contracts';
import { Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { type SeriesRange, useMetricSeries } from '../../../api/metrics';
import { useRemoveMetricPoint } from '../../../api/metrics-points';
import { ConfirmModal } from '../../../components/confirm-modal';
import { DateTime } from '../../../components/date-time';
import { formatDateTime, formatValue } from '../../../components/format';

type RecordedValue = SeriesResponse['points'][number];

export interface RecordedValuesProps {
  workspace: string;
  metric: Metric;
  range: SeriesRange;
}

/**
 * An editor's list of the metric's values in the date range, newest first, each with "Remove"
 * (after a confirmation naming it) — for a wrong value pushed, or one at a wrong moment. The
 * charts, signals and guardrails are computed again without it. A range too long to send value
 * by value (bucketed means) lists nothing: each point there stands for many values.
 */
export function RecordedValues({ workspace, metric, range }: RecordedValuesProps) {
  // The same query as the charts': one request for both.
  const series = useMetricSeries(workspace, metric.key, range);
  const remove = useRemoveMetricPoint(workspace, metric.key);
  const [removing, setRemoving] = useState<RecordedValue | null>(null);

  // The charts above say when the series is loading, failed or empty.
  if (!series.data || series.data.points.length === 0) return null;
  const { bucket, points } = series.data;
  const newestFirst = [...points].reverse();
  const describe = (point: RecordedValue) =>
    `${formatValue(point.value, metric.unit)} at ${formatDateTime(point.timestamp)}`;
  const close = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="recorded-values-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="recorded-values-title">
          Recorded values
        </Title>
        {bucket !== 'none' ? (
          <Text size="sm" c="dimmed">
            This range holds too many values to list one by one. Narrow the date range to see the
            values recorded in it and remove a wrong one.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={360} maxHeight={360}>
            <Table stickyHeader verticalSpacing={6} aria-labelledby="recorded-values-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th ta="right">Value</Table.Th>
                  <Table.Th ta="right">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {newestFirst.map((point) => (
                  <Table.Tr key={point.timestamp}>
                    <Table.Td>
                      <DateTime value={point.timestamp} />
                    </Table.Td>
                    <Table.Td ta="right">{formatValue(point.value, metric.unit)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove value ${describe(point)}`}
                        onClick={() => setRemoving(point)}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title="Remove this value?"
        confirmLabel="Remove value"
        pending={remove.isPending}
        error={remove.error}
        errorTitle="The value was not removed"
        onClose={close}
        onConfirm={() => {
          if (removing) remove.mutate(removing.timestamp, { onSuccess: close });
        }}
      >
        {removing && (
          <>
            The value <strong>{describe(removing)}</strong> will be removed from {metric.name}. Its
            charts, signals and guardrails are computed again without it; this cannot be undone.
          </>
        )}
      </ConfirmModal>
    </Paper>
  );
}
