import type { ReactNode } from 'react';
import { Skeleton } from '@mantine/core';
import { ChartFrame } from '../../../charts/chart-frame';
import { METRIC_DEFINITIONS, type MetricDefinitionName } from '../../../charts/metric-definitions';
import { CHART_HEIGHT } from '../../../charts/chart-theme';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';

/** What a delivery chart needs to know about its query. */
export interface ChartQueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface DeliveryChartProps {
  title: string;
  definition: MetricDefinitionName;
  query: ChartQueryState;
  /** `null` while there is nothing to draw: the empty state shows instead. */
  content: { chart: ReactNode; table: ReactNode } | null;
  /** The empty state: what is missing, and (`action`) the way to change that. */
  empty: { title: string; description: ReactNode; action?: ReactNode };
  /** Filters or a note under the title. */
  children?: ReactNode;
  headingOrder?: 2 | 3;
}

/**
 * A delivery chart in its frame, whatever state its data is in: a skeleton while loading, the
 * error with a retry, an empty state saying how data arrives, else the chart and its table.
 */
export function DeliveryChart({
  title,
  definition,
  query,
  content,
  empty,
  children,
  headingOrder = 3,
}: DeliveryChartProps) {
  let body: { chart: ReactNode; table: ReactNode };
  if (query.isPending) {
    const skeleton = (
      <Skeleton
        height={CHART_HEIGHT}
        radius="md"
        role="progressbar"
        aria-busy="true"
        aria-label={`Loading ${title}`}
      />
    );
    body = { chart: skeleton, table: skeleton };
  } else if (query.isError) {
    const alert = (
      <ErrorAlert
        title={`${title} could not be loaded`}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
    body = { chart: alert, table: alert };
  } else if (content === null) {
    const panel = (
      <EmptyPanel title={empty.title} description={empty.description} action={empty.action} />
    );
    body = { chart: panel, table: panel };
  } else {
    body = content;
  }
  return (
    <ChartFrame
      title={title}
      definition={METRIC_DEFINITIONS[definition]}
      chart={body.chart}
      table={body.table}
      headingOrder={headingOrder}
    >
      {children}
    </ChartFrame>
  );
}
