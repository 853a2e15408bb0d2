import type { Guardrail } from '@bearing/contracts';
import { Anchor, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { Link } from 'react-router';
import { workspacePath } from '../../../app/layout/navigation-items';
import { formatDay, formatPercent, formatValue } from '../../../components/format';
import { StatusBadge } from '../../../components/status-badge';
import { FollowButton } from '../../notifications/follow/follow-button';
import { GUARDRAIL_STATUS_STYLES, NO_DATA } from '../metric-labels';
import { describeThreshold } from './guardrail-labels';
import { GuardrailHistory } from './guardrail-history';

export interface GuardrailCardProps {
  workspace: string;
  guardrail: Guardrail;
  /** Editors only. */
  onEdit?: ((guardrail: Guardrail) => void) | undefined;
  /** Editors only; asks first. */
  onDelete?: ((guardrail: Guardrail) => void) | undefined;
}

/** A guardrail's status with the numbers behind it, and its history of changes on request. */
export function GuardrailCard({ workspace, guardrail, onEdit, onDelete }: GuardrailCardProps) {
  const [historyOpen, { toggle }] = useDisclosure(false);
  const historyId = useId();
  const { evaluation, metric } = guardrail;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Guardrail on ${metric.name}`}
      style={
        guardrail.status === 'breached'
          ? { borderLeft: '4px solid var(--mantine-color-red-6)' }
          : guardrail.status === 'warning'
            ? { borderLeft: '4px solid var(--mantine-color-yellow-5)' }
            : undefined
      }
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Group gap="sm" wrap="wrap">
              <StatusBadge
                status={guardrail.status ? GUARDRAIL_STATUS_STYLES[guardrail.status] : NO_DATA}
                size="md"
                prefix="Status:"
              />
              <Anchor
                component={Link}
                to={workspacePath(workspace, `metrics/${metric.key}`)}
                fw={600}
              >
                {metric.name}
              </Anchor>
            </Group>
            <Text size="sm" c="dimmed">
              {describeThreshold(guardrail)}.
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <FollowButton
              workspace={workspace}
              subject={{ type: 'guardrail', id: guardrail.id }}
              name={`the guardrail on ${metric.name}`}
              size="xs"
            />
            {onEdit && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="gray"
                onClick={() => onEdit(guardrail)}
                aria-label={`Edit the guardrail on ${metric.name}`}
              >
                Edit
              </Button>
            )}
            {onDelete && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => onDelete(guardrail)}
                aria-label={`Delete the guardrail on ${metric.name}`}
              >
                Delete
              </Button>
            )}
          </Group>
        </Group>
        {evaluation && (
          <Group gap="lg" wrap="wrap">
            <Fact
              label="Latest"
              value={`${formatValue(evaluation.value, metric.unit)} on ${formatDay(evaluation.timestamp)}`}
            />
            <Fact label="Limit" value={formatValue(evaluation.limit, metric.unit)} />
            <Fact
              label="Margin used"
              value={
                evaluation.marginUsed === null
                  ? '— (no margin)'
                  : formatPercent(evaluation.marginUsed)
              }
            />
          </Group>
        )}
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={toggle}
            aria-expanded={historyOpen}
            aria-controls={historyId}
          >
            {historyOpen ? 'Hide history' : `History (${guardrail.history.length})`}
          </Button>
        </Group>
        <Collapse expanded={historyOpen} id={historyId}>
          {/* Only while open: a closed history is not part of the card (nor of what it reads). */}
          {historyOpen && <GuardrailHistory guardrail={guardrail} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{' '}
      <Text span fw={600} size="sm">
        {value}
      </Text>
    </Text>
  );
}
