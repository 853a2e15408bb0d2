import type { DeliveryMetric, ImportResult } from '@bearing/contracts';
import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../../components/format';
import { ImportProblems } from './import-problems';

const METRIC_LABELS: Record<DeliveryMetric, string> = {
  'lead-time': 'Lead time',
  throughput: 'Throughput',
  forecast: 'Forecasts',
  'cycle-time': 'Cycle time',
  cfd: 'Cumulative flow',
  wip: 'Work in progress',
  aging: 'Work-item age',
  burndown: 'Burndown',
  velocity: 'Velocity',
};

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

export interface ImportSummaryProps {
  result: ImportResult;
  /** A dry run says what would happen; a finished import what did. */
  tense: 'would' | 'did';
}

/**
 * What an import (would) do: items new / changed / unchanged, sprints and history read, the
 * fields used, unknown statuses, every problem, and which charts the data can and cannot feed.
 */
export function ImportSummary({ result, tense }: ImportSummaryProps) {
  const would = tense === 'would';
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Work items">
        <Count label="Items in the file" value={result.items} />
        <Count label={would ? 'New' : 'Created'} value={result.created} />
        <Count label={would ? 'Changed' : 'Updated'} value={result.updated} />
        <Count label="Unchanged" value={result.unchanged} />
      </SimpleGrid>
      <Text size="sm">
        Sprints: {result.sprints.created} new, {result.sprints.updated} changed,{' '}
        {result.sprints.unchanged} unchanged. History read: {result.history.statusChanges} status
        changes, {result.history.sprintChanges} sprint changes, {result.history.estimateChanges}{' '}
        estimate changes.
      </Text>
      <Text size="sm">
        Story points from{' '}
        {result.storyPointsField ? (
          <strong>{result.storyPointsField}</strong>
        ) : (
          'no field (none found)'
        )}
        ; sprints from{' '}
        {result.sprintField ? <strong>{result.sprintField}</strong> : 'no field (none found)'}.
      </Text>
      {result.unknownStatuses.length > 0 && (
        <Alert color="yellow" title="Statuses no stage maps" role="status">
          <Text size="sm">
            Time spent in these is left out of the flow charts:{' '}
            <strong>{result.unknownStatuses.join(', ')}</strong>.
          </Text>
        </Alert>
      )}
      {result.problems.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {result.problems.length} problem{result.problems.length === 1 ? '' : 's'}
          </Title>
          <ImportProblems problems={result.problems} label="Problems" />
        </Stack>
      )}
      <Stack gap="xs">
        <Title order={3} size="h5">
          What this data can feed
        </Title>
        <Group gap="xs">
          {result.metrics.available.map((metric) => (
            <Badge key={metric} color="teal" variant="light" tt="none">
              ✓ {METRIC_LABELS[metric]}
            </Badge>
          ))}
        </Group>
        {result.metrics.unavailable.length > 0 && (
          <List size="sm" spacing={2} aria-label="Charts it cannot feed">
            {result.metrics.unavailable.map(({ metric, reason }) => (
              <List.Item key={metric}>
                ✗ {METRIC_LABELS[metric]}: {reason}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
