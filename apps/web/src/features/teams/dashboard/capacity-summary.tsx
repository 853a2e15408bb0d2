import type { CapacityResponse } from '@bearing/contracts';
import { Alert, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { formatPersonDays, formatPoints } from '../../../charts/figures';
import { pointsPhrase } from '../../../components/points-phrase';

/**
 * The recommended commitment range for the sprint and what it rests on: the team's
 * person-days and its rate in recent closed sprints.
 */
export function CapacitySummary({ capacity }: { capacity: CapacityResponse }) {
  const { forecast } = capacity;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Paper withBorder radius="md" p="sm" aria-live="polite" data-testid="recommended-range">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Recommended commitment
          </Text>
          {forecast ? (
            <>
              <Text size="xl" fw={700}>
                {formatPoints(forecast.low)} – {formatPoints(forecast.high)} points
              </Text>
              <Text size="xs" c="dimmed">
                expected {pointsPhrase(forecast.expected)}
              </Text>
            </>
          ) : (
            <Text size="sm">No range yet: no closed sprint with available person-days.</Text>
          )}
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Available person-days
          </Text>
          <Text size="xl" fw={700} data-testid="available-person-days">
            {formatPersonDays(capacity.availablePersonDays)}
          </Text>
          <Text size="xs" c="dimmed">
            over {capacity.workingDays} working days
          </Text>
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Team rate
          </Text>
          <Text size="xl" fw={700}>
            {formatPoints(capacity.pointsPerPersonDay)}
          </Text>
          <Text size="xs" c="dimmed">
            points per person-day in the sprints below
          </Text>
        </Paper>
      </SimpleGrid>
      {capacity.history.length === 0 ? (
        <Alert color="gray" title="No history">
          The range needs at least one closed sprint before this one.
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={4}>
            <Table.Caption>The closed sprints the rate comes from.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Sprint</Table.Th>
                <Table.Th ta="right">Completed (points)</Table.Th>
                <Table.Th ta="right">Person-days</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capacity.history.map((sprint) => (
                <Table.Tr key={sprint.sprintId}>
                  <Table.Td>{sprint.name}</Table.Td>
                  <Table.Td ta="right">{formatPoints(sprint.completed)}</Table.Td>
                  <Table.Td ta="right">{formatPersonDays(sprint.availablePersonDays)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
