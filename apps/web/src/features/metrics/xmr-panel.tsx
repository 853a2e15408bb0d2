import type { ReactNode } from 'react';
import { type Metric, XMR_ANALYSIS_POINTS } from '@bearing/contracts';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { type SeriesRange, useMetricSeries } from '../../api/metrics';
import { ChartFrame } from '../../charts/chart-frame';
import { MOVING_RANGE_CHART_HEIGHT } from '../../charts/chart-theme';
import { METRIC_DEFINITIONS } from '../../charts/metric-definitions';
import { lazyChart } from '../../charts/lazy-chart';
import { xmrChartData } from '../../charts/xmr-chart-data';
import { XmrTable } from '../../charts/xmr-table';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { SignalList } from './signal-list';
import { XmrStatusSummary } from './xmr-status-summary';

const XChart = lazyChart(async () => (await import('../../charts/x-chart')).XChart);
const MovingRangeChart = lazyChart(
  async () => (await import('../../charts/moving-range-chart')).MovingRangeChart,
  () => ({ height: MOVING_RANGE_CHART_HEIGHT }),
);

const BUCKET_NOTES = {
  hour: 'hourly means',
  day: 'daily means',
  week: 'weekly means',
  month: 'monthly means',
  quarter: 'quarterly means',
  year: 'yearly means',
} as const;

export interface XmrPanelProps {
  workspace: string;
  metric: Metric;
  range: SeriesRange;
  /** A guardrail's limit on this metric, from the API. */
  guardrailLimit: number | null;
  /** Shown when the metric has no values at all. */
  noValues: ReactNode;
}

/**
 * The container of a metric's X and mR charts: loads the series, handles its states, and shows
 * the metric's XmR status — the one its list row and portfolio tile show.
 */
export function XmrPanel({ workspace, metric, range, guardrailLimit, noValues }: XmrPanelProps) {
  const series = useMetricSeries(workspace, metric.key, range);
  const data = useMemo(
    () => (series.data ? xmrChartData(series.data, metric.unit, guardrailLimit) : null),
    [series.data, metric.unit, guardrailLimit],
  );

  if (series.isPending) return <LoadingRows label="Loading the series" rows={2} height={200} />;
  if (series.isError) {
    return (
      <ErrorAlert
        title="The series could not be loaded"
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  }
  if (series.data.points.length === 0 && metric.latest === null) return noValues;
  const status = <XmrStatusSummary status={series.data.status} unit={metric.unit} />;
  if (series.data.points.length === 0) {
    return (
      <Stack gap="lg">
        {status}
        <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
          <Text size="sm" c="dimmed" ta="center">
            No values in this date range. Widen it to see the metric’s history.
          </Text>
        </Paper>
      </Stack>
    );
  }
  if (!data) {
    return (
      <Stack gap="lg">
        {status}
        <Alert color="gray" title="Too few values for limits">
          Process-behaviour limits need at least two values in the range; this one has{' '}
          {series.data.points.length}.
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {status}
      {series.data.bucket !== 'none' ? (
        <Text size="sm" c="dimmed">
          This range holds many values, so each point is one of the{' '}
          {BUCKET_NOTES[series.data.bucket]}, and the limits below are those of the means; the
          status above judges the metric’s latest {XMR_ANALYSIS_POINTS} values themselves.
        </Text>
      ) : (
        data.basis === 'range' && (
          <Text size="sm" c="dimmed">
            This range reaches back before the metric’s latest {XMR_ANALYSIS_POINTS} values, which
            its status judges, so the limits below are computed from the values shown.
          </Text>
        )
      )}
      <ChartFrame
        title="Individuals (X) chart"
        definition={METRIC_DEFINITIONS.xChart}
        chart={<XChart data={data} label={metric.name} />}
        table={<XmrTable data={data} label={metric.name} />}
      />
      <ChartFrame
        title="Moving range (mR) chart"
        definition={METRIC_DEFINITIONS.movingRange}
        chart={<MovingRangeChart data={data} label={metric.name} />}
        table={<XmrTable data={data} label={metric.name} />}
      />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="signals-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="signals-title">
            Signals
          </Title>
          <SignalList data={data} />
        </Stack>
      </Paper>
    </Stack>
  );
}
