import type { TeamWorkflow } from '@bearing/contracts';
import { Alert, Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { type StatusChoices, unmappedStatuses } from './status-mapping';

/** One status to map: its stage in the team's workflow today (null: unknown to it). */
export interface StatusRow {
  status: string;
  stage: string | null;
  /** Items now in the status, when known (a file says; a live source may not). */
  items?: number | null;
}

export interface StatusMappingTableProps {
  title: string;
  /** The heading of the count column; without it the column is left out. */
  countLabel?: string;
  /** When the chosen stages reach the team's workflow, in words. */
  appliedWhen?: string;
  statuses: readonly StatusRow[];
  workflow: TeamWorkflow;
  choices: StatusChoices;
  onChange: (choices: StatusChoices) => void;
}

/**
 * For each status, the stage it belongs to — prefilled from the team's workflow, unknown
 * statuses highlighted and counted above the table. The import wizard's mapping step and a
 * team's Jira source both map statuses with it.
 */
export function StatusMappingTable({
  title,
  countLabel,
  appliedWhen = 'when you import',
  statuses,
  workflow,
  choices,
  onChange,
}: StatusMappingTableProps) {
  const titleId = useId();
  const unmapped = unmappedStatuses(choices);
  const stageOptions = workflow.stages.map((stage) => ({ value: stage.name, label: stage.name }));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={titleId}>
        {title}
      </Text>
      <Text size="sm" c="dimmed">
        Mapping a status to a stage adds it to the team&apos;s workflow {appliedWhen}.
      </Text>
      {unmapped.length > 0 && (
        <Alert color="yellow" title={`${unmapped.length} status(es) without a stage`} role="status">
          {unmapped.join(', ')}: the team&apos;s workflow does not list them. Choose a stage, or
          leave them unmapped and the flow charts ignore time spent in them.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-labelledby={titleId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Status</Table.Th>
              {countLabel && <Table.Th ta="right">{countLabel}</Table.Th>}
              <Table.Th>Stage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statuses.map(({ status, items, stage: known }) => {
              const stage = choices[status] ?? '';
              const unknown = stage === '';
              return (
                <Table.Tr key={status} bg={unknown ? 'var(--mantine-color-yellow-0)' : undefined}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{status}</Text>
                      {unknown && (
                        <Badge color="yellow" variant="light" tt="none" size="sm">
                          Unknown
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {countLabel && <Table.Td ta="right">{items ?? '—'}</Table.Td>}
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Stage for ${status}`}
                      // A status the workflow maps already can move, not be unmapped here.
                      data={
                        known === null
                          ? [{ value: '', label: 'No stage (ignored)' }, ...stageOptions]
                          : stageOptions
                      }
                      value={stage}
                      onChange={(event) =>
                        onChange({ ...choices, [status]: event.currentTarget.value })
                      }
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
