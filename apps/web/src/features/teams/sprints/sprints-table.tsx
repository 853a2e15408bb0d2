import type { Sprint } from '@bearing/contracts';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { StatusBadge } from '../../../components/status-badge';
import { formatSprintDays } from './sprint-dates';
import { SPRINT_SOURCE_LABELS, SPRINT_STATE_STYLES } from './sprint-labels';

export interface SprintsTableProps {
  sprints: readonly Sprint[];
  timeZone: string;
  labelledBy: string;
  /** Edit and delete buttons on each row; none for viewers. */
  actions?: { onEdit: (sprint: Sprint) => void; onDelete: (sprint: Sprint) => void } | undefined;
}

/** The team's sprints as the API lists them: latest start first, sprints without dates on top. */
export function SprintsTable({ sprints, timeZone, labelledBy, actions }: SprintsTableProps) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Dates</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Source</Table.Th>
            {actions && (
              <Table.Th>
                <Text span size="sm" fw={700} style={{ visibility: 'hidden' }}>
                  Actions
                </Text>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sprints.map((sprint) => (
            <Table.Tr key={sprint.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{sprint.name}</Text>
                  {sprint.goal && (
                    <Text size="xs" c="dimmed" lineClamp={2} maw={320}>
                      {sprint.goal}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatSprintDays(sprint, timeZone)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={SPRINT_STATE_STYLES[sprint.state]} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {SPRINT_SOURCE_LABELS[sprint.source]}
                </Text>
              </Table.Td>
              {actions && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${sprint.name}`}
                      onClick={() => actions.onEdit(sprint)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${sprint.name}`}
                      onClick={() => actions.onDelete(sprint)}
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
    </Table.ScrollContainer>
  );
}
