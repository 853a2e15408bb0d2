import type { Sprint } from '@bearing/contracts';
import { Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useSprintBurndown, useSprintSummary } from '../../../api/delivery';
import { sprintDayRows } from '../../../charts/delivery/sprint-chart-data';
import { SprintDaysTable } from '../../../charts/delivery/sprint-days-table';
import { lazyChart } from '../../../charts/lazy-chart';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { formatSprintDays } from '../sprints/sprint-dates';
import { DeliveryChart } from './delivery-chart';
import { SprintSummaryNumbers } from './sprint-summary-numbers';

const BurndownChart = lazyChart(
  async () => (await import('../../../charts/delivery/burndown-chart')).BurndownChart,
);
const BurnupChart = lazyChart(
  async () => (await import('../../../charts/delivery/burnup-chart')).BurnupChart,
);

export interface SprintSectionProps {
  workspace: string;
  teamId: string;
  /** Sprints that have started, latest first. */
  sprints: Sprint[];
  selected: Sprint;
  onSelect: (sprintId: string) => void;
  /** The team's today: later sprint days show only the guideline. */
  today: string;
  /** The team's time zone, in whose days the sprint's dates are written. */
  timeZone: string;
}

const STATE_LABELS = { active: 'active', closed: 'closed', future: 'not started' } as const;

/** One sprint: the selector, the sprint report's figures, its burndown and its burnup. */
export function SprintSection({
  workspace,
  teamId,
  sprints,
  selected,
  onSelect,
  today,
  timeZone,
}: SprintSectionProps) {
  const burndown = useSprintBurndown(workspace, teamId, selected.id);
  const summary = useSprintSummary(workspace, teamId, selected.id);
  const rows = useMemo(
    () => (burndown.data ? sprintDayRows(burndown.data, today) : []),
    [burndown.data, today],
  );
  const unit = burndown.data?.unit ?? 'points';
  const content =
    rows.length === 0
      ? null
      : (chart: 'burndown' | 'burnup') => ({
          chart:
            chart === 'burndown' ? (
              <BurndownChart rows={rows} unit={unit} sprintName={selected.name} />
            ) : (
              <BurnupChart rows={rows} unit={unit} sprintName={selected.name} />
            ),
          table: <SprintDaysTable rows={rows} unit={unit} sprintName={selected.name} />,
        });
  const empty = {
    title: 'No work in this sprint',
    description: 'Items enter a sprint when they are added to it in the tracker and imported.',
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Sprint"
          w={320}
          allowDeselect={false}
          value={selected.id}
          onChange={(value) => value && onSelect(value)}
          data={sprints.map((sprint) => ({
            value: sprint.id,
            label: `${sprint.name} (${STATE_LABELS[sprint.state]})`,
          }))}
        />
        <Text size="sm" c="dimmed">
          {formatSprintDays(selected, timeZone)}
          {selected.goal && ` · Goal: ${selected.goal}`}
        </Text>
      </Group>
      {summary.isPending ? (
        <LoadingRows label="Loading the sprint’s figures" rows={1} height={76} />
      ) : summary.isError ? (
        <ErrorAlert
          title="The sprint’s figures could not be loaded"
          error={summary.error}
          onRetry={() => void summary.refetch()}
        />
      ) : (
        <SprintSummaryNumbers summary={summary.data} />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <DeliveryChart
          title="Burndown"
          definition="sprintBurndown"
          query={burndown}
          content={content?.('burndown') ?? null}
          empty={empty}
        />
        <DeliveryChart
          title="Burnup"
          definition="sprintBurnup"
          query={burndown}
          content={content?.('burnup') ?? null}
          empty={empty}
        />
      </SimpleGrid>
    </Stack>
  );
}
