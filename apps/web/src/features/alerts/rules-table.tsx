import type { AlertRule } from '@bearing/contracts';
import { Anchor, Button, Group, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../../components/date-time';
import { StatusBadge } from '../../components/status-badge';
import { timeAgo } from '../../components/time-ago';
import { everyPhrase, minutesPhrase, SEVERITY_STYLES, triggerPhrase } from './alert-labels';

export interface RulesTableProps {
  rules: readonly AlertRule[];
  now: Date;
  rulePath: (id: string) => string;
  /** Editors turn rules on and off and delete them; viewers get neither. */
  editable: boolean;
  onToggle: (rule: AlertRule, enabled: boolean) => void;
  /** The rule whose toggle is being saved. */
  toggling: string | undefined;
  onDelete: (rule: AlertRule) => void;
}

/** The workspace's rules: schedule, trigger, severity, whether on, and how the last run went. */
export function RulesTable({
  rules,
  now,
  rulePath,
  editable,
  onToggle,
  toggling,
  onDelete,
}: RulesTableProps) {
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder verticalSpacing="sm" aria-label="Alert rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Schedule</Table.Th>
            <Table.Th scope="col">Severity</Table.Th>
            <Table.Th scope="col">Enabled</Table.Th>
            <Table.Th scope="col">Last run</Table.Th>
            {editable && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={rulePath(rule.id)} fw={600}>
                    {rule.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    Fires when {triggerPhrase(rule.trigger)}
                    {rule.groupBy ? `, one alert per ${rule.groupBy}` : ''}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{everyPhrase(rule.everyMinutes)}</Text>
                <Text size="xs" c="dimmed">
                  looks back {minutesPhrase(rule.lookbackMinutes)}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={SEVERITY_STYLES[rule.severity]} prefix="Severity:" />
              </Table.Td>
              <Table.Td>
                {editable ? (
                  <Switch
                    checked={rule.enabled}
                    disabled={toggling === rule.id}
                    onChange={(event) => onToggle(rule, event.currentTarget.checked)}
                    aria-label={`Enabled: ${rule.name}`}
                  />
                ) : (
                  <Text size="sm">{rule.enabled ? 'On' : 'Off'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <LastRun rule={rule} now={now} />
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      component={Link}
                      to={rulePath(rule.id)}
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${rule.name}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(rule)}
                      aria-label={`Delete ${rule.name}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** "3 min ago" with the exact instant, and why it failed when it did. */
function LastRun({ rule, now }: { rule: AlertRule; now: Date }) {
  return (
    <Stack gap={2}>
      {rule.lastRunAt === null ? (
        <Text size="sm" c="dimmed">
          Not run yet
        </Text>
      ) : (
        <Text size="sm">
          {timeAgo(rule.lastRunAt, now)}{' '}
          <Text span size="xs" c="dimmed">
            (<DateTime value={rule.lastRunAt} />)
          </Text>
        </Text>
      )}
      {rule.lastError && (
        <Text size="xs" c="red.8">
          Failed: {rule.lastError}
        </Text>
      )}
    </Stack>
  );
}
