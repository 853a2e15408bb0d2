import type { KeyResult, Objective } from '@bearing/contracts';
import { Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { AlignedTo } from './aligned-to';
import { KeyResultRow } from './key-result-row';
import classes from './objective-card.module.css';
import { OBJECTIVE_STATUS_LABELS } from './okr-labels';
import type { OkrActions } from './okr-actions';
import { PaceBadge } from './pace-badge';
import { PaceProgress } from './pace-progress';
import { describeRolledUpFrom } from './rolled-up-from';
import { ScoreLabel } from './score-label';

export interface ObjectiveCardProps {
  workspace: string;
  objective: Objective;
  keyResults: readonly KeyResult[];
  /** Set when the objective aligns to one not shown here. */
  outsideParentId: string | null;
  actions?: OkrActions | undefined;
}

/**
 * An objective with its numbers from the API — rolled up from its aligned objectives too, and
 * then saying so — and its key results underneath.
 */
export function ObjectiveCard({
  workspace,
  objective,
  keyResults,
  outsideParentId,
  actions,
}: ObjectiveCardProps) {
  const titleId = useId();
  const active = objective.status === 'active';
  const rolledUpFrom = describeRolledUpFrom(objective);
  return (
    <Paper
      withBorder
      radius="md"
      className={classes.card}
      component="article"
      aria-labelledby={titleId}
    >
      <Stack gap="sm" className={classes.header}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={4} miw={0} style={{ flex: '1 1 240px' }}>
            {outsideParentId && <AlignedTo workspace={workspace} objectiveId={outsideParentId} />}
            <Title order={3} size="h4" id={titleId}>
              {objective.title}
            </Title>
            <Group gap="xs" wrap="wrap">
              <Group gap={6} wrap="nowrap">
                <Avatar name={objective.owner.displayName} color="initials" size={22} />
                <Text size="sm">{objective.owner.displayName}</Text>
              </Group>
              {!active && (
                <Badge variant="outline" color="gray" tt="none" size="sm">
                  {OBJECTIVE_STATUS_LABELS[objective.status]}
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                · {keyResults.length === 1 ? '1 key result' : `${keyResults.length} key results`}
              </Text>
            </Group>
          </Stack>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <PaceBadge pace={objective.pace} size="md" />
            <ScoreLabel score={objective.score} />
          </Group>
        </Group>
        {objective.description && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {objective.description}
          </Text>
        )}
        <Stack gap={2}>
          <PaceProgress
            progress={objective.progress}
            expected={objective.expectedProgress}
            pace={objective.pace}
            label={`Progress of ${objective.title}`}
          />
          {rolledUpFrom && (
            <Text size="xs" c="dimmed">
              {rolledUpFrom}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => actions.onAddKeyResult(objective)}
            >
              Add key result
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => actions.onAddChildObjective(objective)}
            >
              Add aligned objective
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              onClick={() => actions.onEditObjective(objective)}
              aria-label={`Edit ${objective.title}`}
            >
              Edit
            </Button>
          </Group>
        )}
      </Stack>
      {keyResults.length > 0 ? (
        <ul className={classes.keyResults} aria-label={`Key results of ${objective.title}`}>
          {keyResults.map((keyResult) => (
            <KeyResultRow
              key={keyResult.id}
              workspace={workspace}
              keyResult={keyResult}
              actions={actions}
              acceptsCheckIns={active}
            />
          ))}
        </ul>
      ) : (
        <Text size="sm" c="dimmed" className={classes.noKeyResults}>
          {rolledUpFrom
            ? 'No key results of its own: its progress comes from its aligned objectives.'
            : 'No key results yet: progress shows once one is added and checked in.'}
        </Text>
      )}
    </Paper>
  );
}
