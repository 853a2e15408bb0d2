import {
  Anchor,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId, useState } from 'react';
import { PROGRAM_CHART_DEFINITIONS, type ProgramChartName } from './program-chart-definitions';

export interface ProgramChartFrameProps {
  title: string;
  definition: ProgramChartName;
  chart: ReactNode;
  /** The same data as a table, for screen readers and exact values. */
  table: ReactNode;
  children?: ReactNode;
  /** Buttons next to the chart/table switch (e.g. "Add milestone"). */
  actions?: ReactNode;
}

/**
 * The frame of the program page's charts: title, one-line definition with its rule on request,
 * and a switch between the chart and a table — the shared `ChartFrame`'s behaviour, for
 * definitions that are not `@bearing/metrics` formulas.
 */
export function ProgramChartFrame({
  title,
  definition,
  chart,
  table,
  children,
  actions,
}: ProgramChartFrameProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [opened, { toggle }] = useDisclosure(false);
  const titleId = useId();
  const detailsId = useId();
  const { summary, detail } = PROGRAM_CHART_DEFINITIONS[definition];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ flex: 1 }}>
            <Title order={2} size="h4" id={titleId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {summary}{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={toggle}
                aria-expanded={opened}
                aria-controls={detailsId}
              >
                {opened ? 'Hide the definition' : 'How is this drawn?'}
              </Anchor>
            </Text>
            <Collapse expanded={opened} id={detailsId}>
              <Text size="sm" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
                {detail}
              </Text>
            </Collapse>
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
