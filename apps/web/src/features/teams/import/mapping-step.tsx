import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { ImportFormat, ImportResult, TeamWorkflow } from '@bearing/contracts';
import { type StatusChoices, unmappedStatuses } from './status-mapping';

export interface MappingChoice {
  /** `''`: let the importer find Jira's usual field. */
  storyPointsField: string;
  statuses: StatusChoices;
}

export interface MappingStepProps {
  format: ImportFormat;
  /** The first dry run, without a mapping: what the file holds. */
  discovered: ImportResult;
  workflow: TeamWorkflow;
  choice: MappingChoice;
  onChange: (choice: MappingChoice) => void;
  onBack: () => void;
  onNext: () => void;
  pending: boolean;
}

/**
 * Step 2: which field holds story points, and for each status found in the file the stage it
 * belongs to — prefilled from the team's workflow, unknown statuses highlighted.
 */
export function MappingStep({
  format,
  discovered,
  workflow,
  choice,
  onChange,
  onBack,
  onNext,
  pending,
}: MappingStepProps) {
  const unmapped = unmappedStatuses(choice.statuses);
  const stageOptions = workflow.stages.map((stage) => ({ value: stage.name, label: stage.name }));
  const found = discovered.storyPointsField;
  return (
    <Stack gap="md">
      <TextInput
        label="Story points field"
        description={
          (format === 'jira-csv'
            ? 'The CSV column, e.g. "Custom field (Story Points)". '
            : 'The field id (customfield_10016) or name (Story Points). ') +
          (found ? `Found: ${found}.` : 'None of the usual fields was found.')
        }
        placeholder={found ?? 'Story Points'}
        value={choice.storyPointsField}
        onChange={(event) => onChange({ ...choice, storyPointsField: event.currentTarget.value })}
        maw={480}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500} id="status-mapping-title">
          Statuses in the file
        </Text>
        <Text size="sm" c="dimmed">
          Mapping a status to a stage adds it to the team&apos;s workflow when you import.
        </Text>
        {unmapped.length > 0 && (
          <Alert
            color="yellow"
            title={`${unmapped.length} status(es) without a stage`}
            role="status"
          >
            {unmapped.join(', ')}: the team&apos;s workflow does not list them. Choose a stage, or
            leave them unmapped and the flow charts ignore time spent in them.
          </Alert>
        )}
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-labelledby="status-mapping-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Items now in it</Table.Th>
                <Table.Th>Stage</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {discovered.statuses.map(({ status, items, stage: known }) => {
                const stage = choice.statuses[status] ?? '';
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
                    <Table.Td ta="right">{items}</Table.Td>
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
                          onChange({
                            ...choice,
                            statuses: { ...choice.statuses, [status]: event.currentTarget.value },
                          })
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
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} loading={pending}>
          Preview the import
        </Button>
      </Group>
    </Stack>
  );
}
