import { type ImportFormat, IMPORT_MAX_FILE_BYTES } from '@bearing/contracts';
import { Button, FileInput, Group, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { CSV_DATE_FORMATS, FORMAT_LABELS, formatOfFileName } from './import-format';

export interface UploadChoice {
  file: File | null;
  format: ImportFormat;
  dateFormat: string;
}

export interface UploadStepProps {
  choice: UploadChoice;
  onChange: (choice: UploadChoice) => void;
  onNext: () => void;
  pending: boolean;
  /** A message for the file field (none chosen, too large). */
  fileError?: string | undefined;
}

const MAX_MB = Math.round(IMPORT_MAX_FILE_BYTES / 1024 / 1024);

/** Step 1: the export file, its format (guessed from the extension) and, for CSV, its dates. */
export function UploadStep({ choice, onChange, onNext, pending, fileError }: UploadStepProps) {
  return (
    <Stack gap="md">
      <FileInput
        label="Jira export"
        description={`JSON pages of Jira's issue search with expand=changelog, or the CSV "all fields" export; up to ${MAX_MB} MB.`}
        placeholder="Choose a .json or .csv file"
        accept=".json,.csv,application/json,text/csv"
        value={choice.file}
        onChange={(file) =>
          onChange({ ...choice, file, format: file ? formatOfFileName(file.name) : choice.format })
        }
        error={fileError}
        clearable
      />
      <Radio.Group
        label="Format"
        value={choice.format}
        onChange={(value) =>
          onChange({ ...choice, format: value === 'jira-csv' ? 'jira-csv' : 'jira-json' })
        }
      >
        <Stack gap="xs" mt="xs">
          <Radio value="jira-json" label={FORMAT_LABELS['jira-json']} />
          <Radio value="jira-csv" label={FORMAT_LABELS['jira-csv']} />
        </Stack>
      </Radio.Group>
      {choice.format === 'jira-csv' && (
        <>
          <NativeSelect
            label="Date format in the CSV"
            description="As set in Jira's look-and-feel settings when the file was exported."
            data={CSV_DATE_FORMATS.map(({ value, label }) => ({ value, label }))}
            value={choice.dateFormat}
            onChange={(event) => onChange({ ...choice, dateFormat: event.currentTarget.value })}
            maw={360}
          />
          <Text size="sm" c="dimmed">
            A CSV export has no change history: it can feed lead time, throughput and forecasts, but
            not cycle time, cumulative flow or burndown.
          </Text>
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onNext} loading={pending}>
          Read the file
        </Button>
      </Group>
    </Stack>
  );
}
