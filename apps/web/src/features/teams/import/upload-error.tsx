import { Alert, Stack, Text } from '@mantine/core';
import { ApiError, describeError } from '../../../api/api-error';
import { ImportProblems } from './import-problems';

/**
 * Why the file was refused. A 400 lists every problem with its issue key or `line N` as the
 * path; nothing was stored.
 */
export function UploadError({
  error,
  title = 'The file could not be read',
}: {
  error: unknown;
  title?: string;
}) {
  const problems =
    error instanceof ApiError
      ? (error.problem.errors ?? []).map(({ path, message }) => ({
          ...(path === 'file' ? {} : { key: path }),
          message,
        }))
      : [];
  return (
    <Alert color="red" title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{describeError(error)} Nothing was stored.</Text>
        <ImportProblems problems={problems} label="Problems in the file" />
      </Stack>
    </Alert>
  );
}
