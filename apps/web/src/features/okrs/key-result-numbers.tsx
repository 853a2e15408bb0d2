import type { KeyResult } from '@bearing/contracts';
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDay, formatScore, formatValue } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { CHECK_IN_DUE_STYLES, CONFIDENCE_STYLES } from './okr-labels';
import { PaceBadge } from './pace-badge';
import { PaceProgress } from './pace-progress';

/** Where the key result stands today: the API's numbers in four tiles. */
export function KeyResultNumbers({ keyResult }: { keyResult: KeyResult }) {
  const { lastCheckIn } = keyResult;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <Tile label="Current value">
        <Text fz={28} fw={700} lh={1.1}>
          {keyResult.kind === 'milestone' && keyResult.current !== null
            ? keyResult.current === 1
              ? 'Done'
              : 'Not done'
            : formatValue(keyResult.current, keyResult.unit)}
        </Text>
        <Text size="xs" c="dimmed">
          {keyResult.metricKey
            ? `Latest value of ${keyResult.metricKey}`
            : 'From the latest check-in'}
        </Text>
      </Tile>
      <Tile label="Progress">
        <PaceProgress
          progress={keyResult.progress}
          expected={keyResult.expectedProgress}
          pace={keyResult.pace}
          label={`Progress of ${keyResult.title}`}
        />
      </Tile>
      <Tile label="Pace and score">
        <Group gap="sm">
          <PaceBadge pace={keyResult.pace} size="md" />
          <Text size="sm">
            Score <strong>{formatScore(keyResult.score)}</strong>
          </Text>
        </Group>
      </Tile>
      <Tile label="Last check-in">
        {lastCheckIn ? (
          <Stack gap={4}>
            <Text size="sm">
              {formatDay(lastCheckIn.date)} · {lastCheckIn.author.displayName}
            </Text>
            <Group gap="xs">
              <StatusBadge
                status={CONFIDENCE_STYLES[lastCheckIn.confidence]}
                size="xs"
                prefix="Confidence:"
              />
              {keyResult.checkInDue && (
                <StatusBadge status={CHECK_IN_DUE_STYLES[keyResult.checkInDue]} size="xs" />
              )}
            </Group>
          </Stack>
        ) : (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              None yet
            </Text>
            {keyResult.checkInDue && (
              <StatusBadge status={CHECK_IN_DUE_STYLES[keyResult.checkInDue]} size="xs" />
            )}
          </Group>
        )}
      </Tile>
    </SimpleGrid>
  );
}

function Tile({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={8}>
        <Text size="xs" tt="uppercase" fw={600} c="dimmed" lts={0.4}>
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
