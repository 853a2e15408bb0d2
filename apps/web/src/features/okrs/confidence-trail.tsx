import type { CheckIn, KeyResult } from '@bearing/contracts';
import { Group, Stack, Text, Timeline } from '@mantine/core';
import { formatDay, formatValue } from '../../components/format';
import { ShapeIcon } from '../../components/shape-icon';
import { StatusBadge } from '../../components/status-badge';
import { CONFIDENCE_STYLES } from './okr-labels';

export interface ConfidenceTrailProps {
  keyResult: KeyResult;
  /** Latest first, as the API lists them. */
  checkIns: readonly CheckIn[];
}

const BULLET_COLORS = {
  'on-track': 'var(--mantine-color-teal-6)',
  'at-risk': 'var(--mantine-color-yellow-6)',
  'off-track': 'var(--mantine-color-red-6)',
} as const;

/** Every check-in, latest first: value, the owner's confidence, their note, who and when. */
export function ConfidenceTrail({ keyResult, checkIns }: ConfidenceTrailProps) {
  return (
    <Timeline bulletSize={22} lineWidth={2} color="gray">
      {checkIns.map((checkIn) => (
        <Timeline.Item
          key={checkIn.id}
          bullet={
            <ShapeIcon
              shape={CONFIDENCE_STYLES[checkIn.confidence].shape}
              size={10}
              color={BULLET_COLORS[checkIn.confidence]}
            />
          }
          title={
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {keyResult.kind === 'milestone'
                  ? checkIn.value === 1
                    ? 'Done'
                    : 'Not done'
                  : formatValue(checkIn.value, keyResult.unit)}
              </Text>
              <StatusBadge
                status={CONFIDENCE_STYLES[checkIn.confidence]}
                size="xs"
                prefix="Confidence:"
              />
            </Group>
          }
        >
          <Stack gap={2}>
            {checkIn.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {checkIn.note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDay(checkIn.date)} · {checkIn.author.displayName}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
