import type { ImportJob } from '@bearing/contracts';
import { Alert, Stack, Text } from '@mantine/core';
import { ImportProblems } from './import-problems';
import { ImportSummary } from './import-summary';

/** Step 5: what the finished import did — or, for a failure, why nothing was stored. */
export function ImportOutcome({ job }: { job: ImportJob }) {
  if (job.status === 'failed') {
    return (
      <Alert color="red" title="Import failed — nothing was stored" role="alert">
        <Stack gap="xs">
          <Text size="sm">
            {job.fileName} was not imported: the work was undone as a whole, so the team&apos;s data
            is as it was before.
          </Text>
          <ImportProblems problems={job.result?.problems ?? []} label="Why it failed" />
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Alert color="teal" title="✓ Import completed" role="status">
        {job.fileName} was imported. The delivery charts and the work items now include it.
      </Alert>
      {job.result && <ImportSummary result={job.result} tense="did" />}
    </Stack>
  );
}
