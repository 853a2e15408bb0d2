import {
  IMPORT_MAX_FILE_BYTES,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  JIRA_CSV_DEFAULT_DATE_FORMAT,
  type Team,
} from '@bearing/contracts';
import { Button, Group, Paper, Stack, Stepper } from '@mantine/core';
import { useState } from 'react';
import { importEnded, useImportJob, useStartImport } from '../../../api/imports';
import { ImportOutcome } from './import-outcome';
import { ImportProgress } from './import-progress';
import { ImportSummary } from './import-summary';
import { type MappingChoice, MappingStep } from './mapping-step';
import { initialStatusChoices, statusMappingOf } from './status-mapping';
import { UploadError } from './upload-error';
import { type UploadChoice, UploadStep } from './upload-step';

type Step = 'upload' | 'mapping' | 'preview' | 'import';
const STEP_INDEX: Record<Step, number> = { upload: 0, mapping: 1, preview: 2, import: 3 };

/** The mapping sent with a dry run or an import: only what the user set. */
function mappingOf(
  upload: UploadChoice,
  choice: MappingChoice | null,
  discovered: ImportResult | null,
): Partial<ImportMapping> {
  return {
    ...(upload.format === 'jira-csv' ? { dateFormat: upload.dateFormat } : {}),
    ...(choice && choice.storyPointsField.trim()
      ? { storyPointsField: choice.storyPointsField.trim() }
      : {}),
    ...(choice && discovered ? { statuses: statusMappingOf(choice.statuses, discovered) } : {}),
  };
}

export interface ImportWizardProps {
  workspace: string;
  team: Team;
}

/**
 * Upload → mapping → dry-run preview → import with progress → result. Each step before the
 * import is a dry run of the same file: the server reads and compares, and writes nothing.
 */
export function ImportWizard({ workspace, team }: ImportWizardProps) {
  const start = useStartImport(workspace, team.id);
  const [step, setStep] = useState<Step>('upload');
  const [upload, setUpload] = useState<UploadChoice>({
    file: null,
    format: 'jira-json',
    dateFormat: JIRA_CSV_DEFAULT_DATE_FORMAT,
  });
  const [fileError, setFileError] = useState<string | undefined>();
  const [discovered, setDiscovered] = useState<ImportResult | null>(null);
  const [mapping, setMapping] = useState<MappingChoice | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(workspace, team.id, jobId);
  const ended = job.data !== undefined && importEnded(job.data);

  const reset = () => {
    start.reset();
    setStep('upload');
    setUpload((current) => ({ ...current, file: null }));
    setDiscovered(null);
    setMapping(null);
    setPreview(null);
    setJobId(null);
  };

  const readFile = () => {
    const file = upload.file;
    if (!file) return setFileError('Choose the Jira export to import');
    if (file.size > IMPORT_MAX_FILE_BYTES) return setFileError('The file is larger than 60 MB');
    setFileError(undefined);
    start.mutate(
      { file, format: upload.format, dryRun: true, mapping: mappingOf(upload, null, null) },
      {
        onSuccess: (started) => {
          if (!started.dryRun) return;
          setDiscovered(started.result);
          setMapping({
            storyPointsField: started.result.storyPointsField ?? '',
            statuses: initialStatusChoices(started.result),
          });
          setStep('mapping');
        },
      },
    );
  };

  const runPreview = () => {
    if (!upload.file) return;
    start.mutate(
      {
        file: upload.file,
        format: upload.format,
        dryRun: true,
        mapping: mappingOf(upload, mapping, discovered),
      },
      {
        onSuccess: (started) => {
          if (!started.dryRun) return;
          setPreview(started);
          setStep('preview');
        },
      },
    );
  };

  const runImport = () => {
    if (!upload.file) return;
    start.mutate(
      {
        file: upload.file,
        format: upload.format,
        dryRun: false,
        mapping: mappingOf(upload, mapping, discovered),
      },
      {
        onSuccess: (started) => {
          if (started.dryRun) return;
          setJobId(started.id);
          setStep('import');
        },
      },
    );
  };

  const active = ended ? 4 : STEP_INDEX[step];
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="lg">
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label="Upload" description="The Jira export">
            <Stack gap="md" pt="md">
              {start.error && <UploadError error={start.error} />}
              <UploadStep
                choice={upload}
                onChange={(choice) => {
                  start.reset();
                  setUpload(choice);
                }}
                onNext={readFile}
                pending={start.isPending}
                fileError={fileError}
              />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Mapping" description="Points and statuses">
            {discovered && mapping && (
              <Stack gap="md" pt="md">
                {start.error && <UploadError error={start.error} title="Mapping not accepted" />}
                <MappingStep
                  format={upload.format}
                  discovered={discovered}
                  workflow={team.workflow}
                  choice={mapping}
                  onChange={setMapping}
                  onBack={() => {
                    start.reset();
                    setStep('upload');
                  }}
                  onNext={runPreview}
                  pending={start.isPending}
                />
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Preview" description="Dry run">
            {preview && (
              <Stack gap="md" pt="md">
                {start.error && <UploadError error={start.error} title="Import not started" />}
                <ImportSummary result={preview.result} tense="would" />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep('mapping')}>
                    Back to mapping
                  </Button>
                  <Button onClick={runImport} loading={start.isPending}>
                    Import {preview.result.items} item{preview.result.items === 1 ? '' : 's'}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Import" description="Progress">
            <Stack gap="md" pt="md">
              <ImportProgress job={job.data} fileName={upload.file?.name ?? ''} />
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            {job.data && (
              <Stack gap="md" pt="md">
                {job.data.status === 'completed' && (
                  <ImportProgress job={job.data} fileName={job.data.fileName} />
                )}
                <ImportOutcome job={job.data} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={reset}>
                    Import another file
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Completed>
        </Stepper>
      </Stack>
    </Paper>
  );
}
