import type { KeyResult } from '@bearing/contracts';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { StatusBadge } from '../../components/status-badge';
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

/** One key result under its objective: what it asks, where it stands, and whether it is due. */
export function KeyResultRow({
  workspace,
  keyResult,
  actions,
  acceptsCheckIns,
}: KeyResultRowProps) {
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
      </Stack>
      <PaceProgress
        progress={keyResult.progress}
        expected={keyResult.expectedProgress}
        pace={keyResult.pace}
        label={`Progress of ${keyResult.title}`}
        size="sm"
      />
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        {keyResult.checkInDue && (
          <StatusBadge status={CHECK_IN_DUE_STYLES[keyResult.checkInDue]} size="sm" />
        )}
        <PaceBadge pace={keyResult.pace} />
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
      </Group>
    </li>
  );
}
