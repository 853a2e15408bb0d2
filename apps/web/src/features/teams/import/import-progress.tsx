import type { ImportJob } from '@bearing/contracts';
import { Progress, Stack, Text } from '@mantine/core';
import { formatPercent } from '../../../components/format';

/** Step 4: the import's progress, as the API reports it while the job writes (and once done). */
export function ImportProgress({
  job,
  fileName,
}: {
  job: ImportJob | undefined;
  fileName: string;
}) {
  const progress = job?.progress ?? 0;
  const percent = Math.round(progress * 100);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {job?.status === 'completed'
          ? 'Imported'
          : job?.status === 'queued'
            ? 'Waiting to import'
            : 'Importing'}{' '}
        <strong>{fileName}</strong> — {formatPercent(progress)}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          animated={job?.status !== 'completed'}
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        Everything is written in one transaction: if anything fails, nothing is stored.
      </Text>
    </Stack>
  );
}
