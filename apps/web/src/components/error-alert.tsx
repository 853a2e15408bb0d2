import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError } from '../api/api-error';

export interface ErrorAlertProps {
  title: string;
  error: unknown;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
}

/** A failed load or write, in words: the server's problem detail, or what else went wrong. */
export function ErrorAlert({ title, error, onRetry }: ErrorAlertProps) {
  return (
    <Alert color="red" title={title} role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
