import type { KeyResult, Period } from '@bearing/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useCheckIns } from '../../api/okrs';
import type { CheckInChartData } from '../../charts/check-in-chart';
import { ChartFrame } from '../../charts/chart-frame';
import { lazyChart } from '../../charts/lazy-chart';
import { METRIC_DEFINITIONS } from '../../charts/metric-definitions';
import { ErrorAlert } from '../../components/error-alert';
import { todayUtc } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { CheckInTable } from './check-in-table';
import { ConfidenceTrail } from './confidence-trail';

const CheckInChart = lazyChart(
  async () => (await import('../../charts/check-in-chart')).CheckInChart,
);

export interface CheckInHistoryPanelProps {
  workspace: string;
  keyResult: KeyResult;
  period: Period | undefined;
}

/** The container of a key result's check-in chart and confidence trail: loads, then draws. */
export function CheckInHistoryPanel({ workspace, keyResult, period }: CheckInHistoryPanelProps) {
  const checkIns = useCheckIns(workspace, keyResult.id);
  const chartData = useMemo<CheckInChartData | null>(() => {
    if (!checkIns.data || !period) return null;
    return {
      points: [...checkIns.data].reverse().map((checkIn) => ({
        time: Date.parse(checkIn.date),
        date: checkIn.date,
        value: checkIn.value,
        confidence: checkIn.confidence,
      })),
      target: keyResult.target,
      baseline: keyResult.baseline,
      unit: keyResult.unit,
      periodStart: period.start,
      periodEnd: period.end,
      today: todayUtc(),
    };
  }, [checkIns.data, period, keyResult.target, keyResult.baseline, keyResult.unit]);

  if (checkIns.isPending) return <LoadingRows label="Loading check-ins" rows={2} height={140} />;
  if (checkIns.isError) {
    return (
      <ErrorAlert
        title="Check-ins could not be loaded"
        error={checkIns.error}
        onRetry={() => void checkIns.refetch()}
      />
    );
  }
  if (checkIns.data.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
        <Text size="sm" c="dimmed" ta="center">
          No check-ins yet. Each check-in adds a point here and to the confidence trail.
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      {chartData && (
        <ChartFrame
          title="Check-ins over the period"
          definition={METRIC_DEFINITIONS.keyResultProgress}
          chart={<CheckInChart data={chartData} label={keyResult.title} />}
          table={<CheckInTable keyResult={keyResult} checkIns={checkIns.data} />}
        />
      )}
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="confidence-trail-title"
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="confidence-trail-title">
            Confidence trail
          </Title>
          <ConfidenceTrail keyResult={keyResult} checkIns={checkIns.data} />
        </Stack>
      </Paper>
    </Stack>
  );
}
