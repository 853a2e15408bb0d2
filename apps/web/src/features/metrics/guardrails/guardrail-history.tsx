import type { Guardrail } from '@bearing/contracts';
import { Group, Text, Timeline } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { formatDay, formatValue } from '../../../components/format';
import { ShapeIcon } from '../../../components/shape-icon';
import { StatusBadge } from '../../../components/status-badge';
import { GUARDRAIL_STATUS_STYLES } from '../metric-labels';
import { CAUSE_LABELS } from './guardrail-labels';

const BULLET_COLORS = {
  ok: 'var(--mantine-color-teal-6)',
  warning: 'var(--mantine-color-yellow-6)',
  breached: 'var(--mantine-color-red-6)',
} as const;

/** Every change of a guardrail's status, newest first, with the value that caused it. */
export function GuardrailHistory({ guardrail }: { guardrail: Guardrail }) {
  if (guardrail.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No status yet: it is evaluated when the metric has a value.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={20} lineWidth={2} color="gray">
      {guardrail.history.map((change) => (
        <Timeline.Item
          key={change.id}
          bullet={
            <ShapeIcon
              shape={GUARDRAIL_STATUS_STYLES[change.to].shape}
              size={9}
              color={BULLET_COLORS[change.to]}
            />
          }
          title={
            <Group gap={6} wrap="wrap">
              {change.from && (
                <>
                  <StatusBadge status={GUARDRAIL_STATUS_STYLES[change.from]} size="xs" />
                  <Text size="xs" c="dimmed" aria-label="to">
                    →
                  </Text>
                </>
              )}
              <StatusBadge status={GUARDRAIL_STATUS_STYLES[change.to]} size="xs" />
            </Group>
          }
        >
          <Text size="xs" c="dimmed">
            On {formatValue(change.value, guardrail.metric.unit)} (value of{' '}
            {formatDay(change.timestamp)}) · {CAUSE_LABELS[change.cause]} ·{' '}
            <DateTime value={change.changedAt} />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
