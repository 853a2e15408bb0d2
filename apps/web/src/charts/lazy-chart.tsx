import { Skeleton } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';
import { CHART_HEIGHT } from './chart-theme';

/** The room a chart takes while its code loads: its width (default the full width) and height. */
export interface ChartBox {
  width?: number | string;
  height: number;
}

/**
 * A chart component whose code (Recharts and d3, ~100 kB gzipped, the heaviest thing a page can
 * carry) loads apart from the page's. No chart is drawn before its data has arrived, so it need
 * not hold up the page's first paint: the download starts as soon as the page's code runs, in
 * parallel with the page's requests, and a skeleton of the chart's size holds its place should
 * the data be there first. Use it where a page imports a chart:
 *
 *   const XChart = lazyChart(async () => (await import('../../charts/x-chart')).XChart);
 */
export function lazyChart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  box: (props: Props) => ChartBox = () => ({ height: CHART_HEIGHT }),
): ComponentType<Props> {
  const loading = load();
  // A failed download shows when the chart renders (through the route's error page); until
  // then it is not an unhandled rejection.
  loading.catch(() => undefined);
  const Chart = lazy(async () => ({ default: await loading }));

  function LazyChart(props: Props) {
    const { width = '100%', height } = box(props);
    return (
      <Suspense
        fallback={
          <Skeleton
            width={width}
            height={height}
            radius="md"
            role="progressbar"
            aria-busy="true"
            aria-label="Loading the chart"
          />
        }
      >
        <Chart {...props} />
      </Suspense>
    );
  }
  return LazyChart;
}
