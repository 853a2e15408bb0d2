import type { Job } from '@bearing/contracts';
import { Alert, Text } from '@mantine/core';
import { describeError } from '../../../api/api-error';
import { describeJob } from './job-labels';

export interface RetryOutcomeProps {
  job: Job;
  /** Why the retry was refused; absent when it was queued. */
  error?: unknown;
  onDismiss: () => void;
}

/** What came of a retry: back in the queue, or the server's reason it was not. */
export function RetryOutcome({ job, error, onDismiss }: RetryOutcomeProps) {
  if (error !== undefined) {
    return (
      <Alert
        color="red"
        title={`Could not retry ${describeJob(job)}`}
        role="alert"
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={onDismiss}
      >
        <Text size="sm">{describeError(error)}</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="teal"
      title="Retry queued"
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
    >
      <Text size="sm">
        {describeJob(job)} is back in the queue; this list follows it as it runs.
      </Text>
    </Alert>
  );
}
