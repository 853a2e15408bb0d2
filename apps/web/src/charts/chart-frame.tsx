import { Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { MetricDefinition } from './metric-definition';
import type { MetricDefinitionName } from './metric-definitions';

export interface ChartFrameProps {
  title: string;
  /** What the chart measures, with its formula on request. */
  definition: MetricDefinitionName;
  /** The chart itself: a pure chart component. */
  chart: ReactNode;
  /** The same data as a table, for screen readers and for reading exact values. */
  table: ReactNode;
  /** Extra content under the title row (a legend, a note). */
  children?: ReactNode;
  headingOrder?: 2 | 3;
}

/**
 * Every chart's frame: title, one-line definition, and a switch between the chart and the
 * same numbers as a table.
 */
export function ChartFrame({
  title,
  definition,
  chart,
  table,
  children,
  headingOrder = 2,
}: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ flex: 1 }}>
            <Title order={headingOrder} size="h4" id={titleId}>
              {title}
            </Title>
            <MetricDefinition name={definition} />
          </Stack>
          <SegmentedControl
            size="xs"
            aria-label={`Show ${title} as`}
            value={view}
            onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
          />
        </Group>
        {children}
        {view === 'chart' ? chart : table}
      </Stack>
    </Paper>
  );
}
