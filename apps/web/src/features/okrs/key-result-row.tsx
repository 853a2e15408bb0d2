import type { KeyResult } from '@bearing/contracts';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatDay } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { ConfidenceBadge } from './confidence-badge';
import { describeCurrent, describeTarget } from './key-result-summary';
import classes from './key-result-row.module.css';
import { CHECK_IN_DUE_STYLES } from './okr-labels';
import type { OkrActions } from './okr-actions';
import { PaceBadge } from './pace-badge';
import { PaceProgress } from './pace-progress';
import { ScoreLabel } from './score-label';

export interface KeyResultRowProps {
  workspace: string;
  keyResult: KeyResult;
  /** Editor controls; left out for viewers. */
  actions?: OkrActions | undefined;
  /** Whether its objective takes check-ins (active). */
  acceptsCheckIns: boolean;
}

/**
 * One key result under its objective: what it asks, where it stands — the computed pace beside
 * the owner's confidence at the last check-in, and when that was — and whether one is due.
 */
export function KeyResultRow({
  workspace,
  keyResult,
  actions,
  acceptsCheckIns,
}: KeyResultRowProps) {
  const { lastCheckIn } = keyResult;
  return (
    <li className={classes.row} data-due={keyResult.checkInDue ?? undefined}>
      <Stack gap={2} miw={0}>
        <Anchor
          component={Link}
          to={workspacePath(workspace, `okrs/key-results/${keyResult.id}`)}
          className={classes.title}
          size="sm"
        >
          {keyResult.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {describeTarget(keyResult)} · {describeCurrent(keyResult)}
          {keyResult.metricKey && ` · follows ${keyResult.metricKey}`}
          {keyResult.weight !== 1 && ` · weight ${keyResult.weight}`}
        </Text>
        <Group gap="xs" wrap="wrap" mt={2}>
          <PaceBadge pace={keyResult.pace} labelled />
          {lastCheckIn && <ConfidenceBadge confidence={lastCheckIn.confidence} />}
          <Text size="xs" c="dimmed">
            {lastCheckIn ? `Checked in ${formatDay(lastCheckIn.date)}` : 'No check-in yet'}
          </Text>
          {keyResult.checkInDue && (
            <StatusBadge status={CHECK_IN_DUE_STYLES[keyResult.checkInDue]} size="sm" />
          )}
        </Group>
      </Stack>
      <PaceProgress
        progress={keyResult.progress}
        expected={keyResult.expectedProgress}
        pace={keyResult.pace}
        label={`Progress of ${keyResult.title}`}
        size="sm"
      />
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        <ScoreLabel score={keyResult.score} />
        {actions && acceptsCheckIns && (
          <Button
            size="compact-sm"
            variant={keyResult.checkInDue ? 'filled' : 'light'}
            onClick={() => actions.onCheckIn(keyResult)}
            aria-label={`Check in on ${keyResult.title}`}
          >
            Check in
          </Button>
        )}
        {actions && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            onClick={() => actions.onEditKeyResult(keyResult)}
            aria-label={`Edit ${keyResult.title}`}
          >
            Edit
          </Button>
        )}
        {actions && acceptsCheckIns && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => actions.onDeleteKeyResult(keyResult)}
            aria-label={`Delete ${keyResult.title}`}
          >
            Delete
          </Button>
        )}
      </Group>
    </li>
  );
}
