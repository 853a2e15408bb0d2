import { Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { type ChartDefinition, ChartDefinitionText } from './chart-definition';

export interface ChartFrameProps {
  title: string;
  /** What the chart shows, with its formula or rule on request (e.g. `METRIC_DEFINITIONS.velocity`). */
  definition: ChartDefinition;
  /** The chart itself: a pure chart component. */
  chart: ReactNode;
  /** The same data as a table, for screen readers and for reading exact values. */
  table: ReactNode;
  /** Extra content under the title row (a legend, a filter, a note). */
  children?: ReactNode;
  /** Buttons next to the chart/table switch (e.g. "Add milestone"). */
  actions?: ReactNode;
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
  actions,
  headingOrder = 2,
}: ChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        {/* The actions drop below the title on a narrow screen rather than squeeze its text. */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4} style={{ flex: '1 1 16rem' }}>
            <Title order={headingOrder} size="h4" id={titleId}>
              {title}
            </Title>
            <ChartDefinitionText definition={definition} />
          </Stack>
          <Group gap="sm" wrap="nowrap" data-print="hide">
            {actions}
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
        </Group>
        {children}
        {view === 'chart' ? chart : table}
      </Stack>
    </Paper>
  );
}
