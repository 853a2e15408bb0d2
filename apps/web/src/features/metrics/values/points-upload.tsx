import type { Metric, MetricPointsImport } from '@bearing/contracts';
import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { ApiError, describeError } from '../../../api/api-error';
import { useUploadMetricPoints } from '../../../api/metrics-points';
import { formatNumber } from '../../../components/format';
import { PointsFormatHelp } from './points-format-help';
import {
  isImportable,
  type PointsPreview as Preview,
  pointsFileFormat,
  POINTS_UPLOAD_MAX_BYTES,
  previewPointsFile,
} from './points-file-preview';
import { PointsPreview } from './points-preview';
import { PointsProblems } from './points-problems';

/** A file's text. FileReader rather than `Blob.text()`, which jsdom (the tests' DOM) lacks. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

export interface PointsUploadProps {
  workspace: string;
  metric: Metric;
  onClose: () => void;
}

/**
 * Values from a CSV or JSON file: the file is read and checked in the browser first (rows, the
 * first ones, every problem by line), and sent only when "Import" is pressed. The API checks it
 * again and answers what it stored, or why it stored nothing.
 */
export function PointsUpload({ workspace, metric, onClose }: PointsUploadProps) {
  const upload = useUploadMetricPoints(workspace, metric.key);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  // The file chosen last: a slower read of an earlier choice must not replace its preview.
  const chosen = useRef<File | null>(null);

  const choose = (next: File | null) => {
    upload.reset();
    chosen.current = next;
    setFile(next);
    setPreview(null);
    setFileError(undefined);
    setReading(false);
    if (!next) return;
    if (next.size > POINTS_UPLOAD_MAX_BYTES) {
      setFileError(
        `The file is larger than ${POINTS_UPLOAD_MAX_BYTES / 1024 / 1024} MB, the most one upload may be: split it.`,
      );
      return;
    }
    setReading(true);
    void readText(next)
      .then((text) => {
        if (chosen.current === next) setPreview(previewPointsFile(text, pointsFileFormat(next)));
      })
      .catch(() => {
        if (chosen.current === next) setFileError('The file could not be read; choose it again.');
      })
      .finally(() => {
        if (chosen.current === next) setReading(false);
      });
  };

  const importable = preview !== null && isImportable(preview);
  const rows = preview?.rows ?? 0;
  return (
    <Stack gap="md">
      <PointsFormatHelp metricKey={metric.key} />
      <FileInput
        label="File"
        placeholder="Choose a .csv or .json file"
        accept=".csv,.json,text/csv,application/json"
        value={file}
        onChange={choose}
        error={fileError}
        clearable
      />
      {reading && (
        <Text size="sm" c="dimmed">
          Reading the file…
        </Text>
      )}
      {file && preview && !upload.isSuccess && (
        <PointsPreview fileName={file.name} preview={preview} />
      )}
      {upload.isError && <UploadRefused error={upload.error} />}
      {upload.isSuccess && <ImportOutcome outcome={upload.data} rows={rows} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {upload.isSuccess ? 'Done' : 'Cancel'}
        </Button>
        {upload.isSuccess ? (
          <Button onClick={() => choose(null)}>Upload another file</Button>
        ) : (
          <Button
            disabled={!importable}
            loading={upload.isPending}
            onClick={() => {
              if (file && preview) upload.mutate({ file, format: preview.format });
            }}
          >
            {importable
              ? `Import ${formatNumber(rows)} ${rows === 1 ? 'value' : 'values'}`
              : 'Import'}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** What the API stored: new, changed and unchanged values. */
function ImportOutcome({ outcome, rows }: { outcome: MetricPointsImport; rows: number }) {
  const { points, created, updated, unchanged } = outcome;
  return (
    <Alert
      color="teal"
      title={`Imported ${formatNumber(points)} ${points === 1 ? 'value' : 'values'}`}
      role="status"
    >
      <Text size="sm">
        {formatNumber(created)} new, {formatNumber(updated)} changed, {formatNumber(unchanged)}{' '}
        unchanged.
        {points < rows && ' A timestamp repeated in the file counts once, with its last value.'}
      </Text>
    </Alert>
  );
}

/** Why the API refused the file — every problem at its line, up to the first 100. */
function UploadRefused({ error }: { error: unknown }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert color="red" title="Nothing was imported" role="alert">
      <Stack gap="xs">
        <Text size="sm">{describeError(error)}</Text>
        <PointsProblems
          problems={problem?.errors ?? []}
          truncated={problem?.truncated === true}
          label="Problems the server found"
        />
      </Stack>
    </Alert>
  );
}
