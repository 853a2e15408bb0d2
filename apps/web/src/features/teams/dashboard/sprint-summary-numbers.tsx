import type { SprintSummaryResponse } from '@bearing/contracts';
import { Box, Paper, SimpleGrid, Text } from '@mantine/core';
import { formatPercent, formatPoints } from '../../../charts/figures';
import { unitLabel } from '../../../charts/delivery/sprint-unit';

/** The sprint report's figures as numbers, each with its name: what the charts summarise. */
export function SprintSummaryNumbers({ summary }: { summary: SprintSummaryResponse }) {
  const unit = unitLabel(summary.unit);
  const figures = [
    { label: 'Committed', value: formatPoints(summary.committed), note: `${unit} at the start` },
    { label: 'Completed', value: formatPoints(summary.completed), note: `${unit} done in scope` },
    { label: 'Added', value: formatPoints(summary.added), note: `${unit} after the start` },
    { label: 'Removed', value: formatPoints(summary.removed), note: `${unit} taken out` },
    { label: 'Carry-over', value: formatPoints(summary.carriedOver), note: `${unit} not done` },
    {
      label: 'Say/do',
      value: formatPercent(summary.sayDoRatio),
      note: `${formatPoints(summary.completedFromCommitment)} of the commitment done`,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder radius="md" p="sm">
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
            {figure.label}
          </Text>
          <Box component="dd" m={0}>
            <Text size="xl" fw={700}>
              {figure.value}
            </Text>
            <Text size="xs" c="dimmed">
              {figure.note}
            </Text>
          </Box>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
