import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { ImportFormat, ImportResult, TeamWorkflow } from '@bearing/contracts';
import type { StatusChoices } from './status-mapping';
import { StatusMappingTable } from './status-mapping-table';

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
      <StatusMappingTable
        title="Statuses in the file"
        countLabel="Items now in it"
        statuses={discovered.statuses}
        workflow={workflow}
        choices={choice.statuses}
        onChange={(statuses) => onChange({ ...choice, statuses })}
      />
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
