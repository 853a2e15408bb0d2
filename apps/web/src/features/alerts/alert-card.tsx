import type { Alert } from '@bearing/contracts';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { DateTime } from '../../components/date-time';
import { StatusBadge } from '../../components/status-badge';
import { timeAgo } from '../../components/time-ago';
import { SEVERITY_STYLES, STATE_STYLES } from './alert-labels';
import { RowsTable } from './rows-table';

export interface AlertCardProps {
  workspace: string;
  alert: Alert;
  now: Date;
  /** Offered on a firing alert to editors; absent for viewers. */
  onAcknowledge?: (() => void) | undefined;
  acknowledging: boolean;
}

/** One alert: its rule, severity, state, group, when it was seen and the rows it matched. */
export function AlertCard({ workspace, alert, now, onAcknowledge, acknowledging }: AlertCardProps) {
  const title = alert.group === '' ? alert.ruleName : `${alert.ruleName} — ${alert.group}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={`Alert: ${title}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} miw={0}>
            <Group gap="xs">
              <StatusBadge status={STATE_STYLES[alert.state]} prefix="State:" />
              <StatusBadge status={SEVERITY_STYLES[alert.severity]} prefix="Severity:" />
            </Group>
            <Title order={3} size="h4">
              <Anchor
                component={Link}
                to={workspacePath(workspace, `alerts/rules/${alert.ruleId}`)}
                inherit
              >
                {alert.ruleName}
              </Anchor>
            </Title>
            {alert.group !== '' && (
              <Text size="sm">
                <Text span c="dimmed" inherit>
                  Group:{' '}
                </Text>
                {alert.group}
              </Text>
            )}
          </Stack>
          {onAcknowledge && alert.state === 'firing' && (
            <Button
              variant="light"
              onClick={onAcknowledge}
              loading={acknowledging}
              aria-label={`Acknowledge ${title}`}
            >
              Acknowledge
            </Button>
          )}
        </Group>
        <Group gap="lg" wrap="wrap">
          <Seen label="First seen" instant={alert.firstSeenAt} now={now} />
          <Seen label="Last seen" instant={alert.lastSeenAt} now={now} />
          {alert.resolvedAt && <Seen label="Resolved" instant={alert.resolvedAt} now={now} />}
        </Group>
        <RowsTable
          rows={alert.rows}
          // Alerts stored before their columns were kept have none: their rows' keys then.
          columns={alert.columns.length > 0 ? alert.columns.map(({ name }) => name) : undefined}
          label={`Rows matched by ${title}`}
        />
      </Stack>
    </Paper>
  );
}

/** "First seen 3 h ago (Dec 7, 2026, 7:00 AM)": relative for a glance, exact for the record. */
function Seen({ label, instant, now }: { label: string; instant: string; now: Date }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" inherit>
        {label}{' '}
      </Text>
      {timeAgo(instant, now)}{' '}
      <Text span c="dimmed" inherit>
        (<DateTime value={instant} />)
      </Text>
    </Text>
  );
}
