import type { KeyResult, Objective, Period } from '@bearing/contracts';
import { Group, Text } from '@mantine/core';
import { formatDay } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { CHECK_IN_DUE_STYLES } from './okr-labels';

export interface OkrSummaryProps {
  period: Period;
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
}

/** The period's dates and a count of what it holds, with the check-ins waiting. */
export function OkrSummary({ period, objectives, keyResults }: OkrSummaryProps) {
  const due = keyResults.filter((keyResult) => keyResult.checkInDue === 'due').length;
  const overdue = keyResults.filter((keyResult) => keyResult.checkInDue === 'overdue').length;
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {formatDay(period.start)} – {formatDay(period.end)} ·{' '}
        {plural(objectives.length, 'objective')} · {plural(keyResults.length, 'key result')}
      </Text>
      {overdue > 0 && (
        <StatusBadge
          status={{ ...CHECK_IN_DUE_STYLES.overdue, label: `${overdue} overdue` }}
          prefix="Check-ins:"
        />
      )}
      {due > 0 && (
        <StatusBadge
          status={{ ...CHECK_IN_DUE_STYLES.due, label: `${due} due` }}
          prefix="Check-ins:"
        />
      )}
    </Group>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
